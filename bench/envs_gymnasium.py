"""Measures Gymnasium's steps per second for the classic-control environments.

Used by `make bench-envs`: random actions from `action_space.sample()`, one process,
one environment from `gym.make(id)` (with its usual wrappers), reset when an episode ends.
Prints one JSON object: {id: steps_per_second}.

    python3 envs_gymnasium.py [seconds_per_environment] [id ...]
"""

import json
import sys
import time

import gymnasium as gym

IDS = ["CartPole-v1", "Pendulum-v1", "Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0"]


def steps_per_second(env_id, seconds):
    env = gym.make(env_id)
    env.reset(seed=0)
    env.action_space.seed(0)
    steps = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(1000):
            _, _, terminated, truncated, _ = env.step(env.action_space.sample())
            if terminated or truncated:
                env.reset()
        steps += 1000
        now = time.perf_counter()
        if now >= deadline:
            return steps / (now - start)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    ids = sys.argv[2:] or IDS
    print(json.dumps({env_id: steps_per_second(env_id, seconds) for env_id in ids}))


if __name__ == "__main__":
    main()
