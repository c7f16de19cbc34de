// The engine as one module: `import RL` brings in every part of it.
@_exported import Agents
@_exported import Environments
@_exported import SeededRandom
@_exported import SeriesStatistics
@_exported import Tensors
