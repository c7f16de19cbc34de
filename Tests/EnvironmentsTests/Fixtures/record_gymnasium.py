"""Records reference trajectories from Gymnasium for the environment tests.

Run from anywhere with Gymnasium installed (`pip install gymnasium`):

    python3 record_gymnasium.py

It writes one JSON file per environment id next to this script. Each file holds
several episodes (seeded initial states; random and hand-chosen actions). Every step
stores the float64 state before the step, the steps elapsed before it, the action,
and what Gymnasium returned: the float32 observation, the reward, terminated and
truncated. Floats are written in Python's shortest round-trip form (float32 values
first widened exactly to float64), so the tests read back the very same numbers.
"""

import json
import pathlib

import gymnasium as gym
import numpy as np

HERE = pathlib.Path(__file__).resolve().parent


def exact(values):
    """A list of Python floats holding the exact values of a NumPy array or scalar."""
    return [float(v) for v in np.atleast_1d(np.asarray(values)).ravel()]


def record_episode(env_id, seed, policy, max_steps, start=None):
    """Runs one episode of gym.make(env_id) from reset(seed=seed), or from the float64
    state `start` set after that reset, and records every step."""
    env = gym.make(env_id)
    observation, _ = env.reset(seed=seed)
    env.action_space.seed(seed)
    if start is not None:
        env.unwrapped.state = np.array(start, dtype=np.float64)
        observation = env.unwrapped._get_obs() if env_id == "Pendulum-v1" else env.unwrapped._get_ob()
    steps = []
    for elapsed in range(max_steps):
        state = exact(env.unwrapped.state)
        action = policy(env, observation, elapsed)
        observation, reward, terminated, truncated, _ = env.step(action)
        record = {"elapsed": elapsed, "state": state}
        if isinstance(action, np.ndarray):
            record["action"] = exact(action.astype(np.float32))
        else:
            record["action"] = int(action)
        record["observation"] = exact(observation.astype(np.float32))
        record["reward"] = float(reward)
        record["terminated"] = bool(terminated)
        record["truncated"] = bool(truncated)
        steps.append(record)
        if terminated or truncated:
            break
    env.close()
    return steps


# A float64 whose square by `pow` (NumPy's `**`) differs in the last bit from `x * x`;
# the Acrobot start state below has the same property somewhere in its Runge-Kutta step.
POW_SENSITIVE = -2.1256874195669644


def random_actions(env, observation, elapsed):
    return env.action_space.sample()


def constant(action):
    return lambda env, observation, elapsed: action


def cart_pole_balancer(env, observation, elapsed):
    """Pushes towards the side the pole is falling to, with a little cart centring."""
    x, x_dot, theta, theta_dot = observation
    return int(theta + 0.5 * theta_dot + 0.01 * x + 0.1 * x_dot > 0)


def pendulum_out_of_bounds(env, observation, elapsed):
    """Torques cycling through values beyond, on and inside the bounds [-2, 2]."""
    torques = [5.0, -3.0, 2.0, -2.0, 0.0, 1.5, -7.25, 2.5, -0.75, 100.0]
    return np.array([torques[elapsed % len(torques)]], dtype=np.float32)


def acrobot_swing(env, observation, elapsed):
    """Torque in the direction of the second joint's motion, which pumps in energy."""
    return 2 if observation[5] > 0 else 0


def mountain_car_rocker(env, observation, elapsed):
    """Accelerates in the direction of motion, rocking the car out of the valley."""
    return 2 if observation[1] >= 0 else 0


def continuous_rocker(env, observation, elapsed):
    """Full throttle in the direction of motion, often beyond the bounds [-1, 1]."""
    throttles = [3.0, 1.0, 1.25, 0.5]
    magnitude = throttles[elapsed % len(throttles)]
    return np.array([magnitude if observation[1] >= 0 else -magnitude], dtype=np.float32)


EPISODES = {
    "CartPole-v1": [
        ("random actions", 0, random_actions, 500),
        ("random actions", 1, random_actions, 500),
        ("random actions", 2, random_actions, 500),
        ("always push right", 3, constant(1), 500),
        ("balancing controller, truncated at 500 steps", 4, cart_pole_balancer, 500),
    ],
    "Pendulum-v1": [
        ("random actions, truncated at 200 steps", 0, random_actions, 200),
        ("out-of-bound torques, truncated at 200 steps", 1, pendulum_out_of_bounds, 200),
        ("random actions", 2, random_actions, 40),
        ("from a state whose cost depends on pow", 3, constant(np.array([-3.7845647], dtype=np.float32)), 20,
         [-0.002197834110663127, POW_SENSITIVE]),
    ],
    "Acrobot-v1": [
        ("random actions", 0, random_actions, 120),
        ("random actions", 1, random_actions, 60),
        ("swinging up until terminated", 2, acrobot_swing, 500),
        ("from a state whose step depends on pow", 3, constant(1), 20,
         [0.8877013946649503, -2.058384422707384, 0.18672217688606807, 21.436964529251448]),
    ],
    "MountainCar-v0": [
        ("random actions, truncated at 200 steps", 0, random_actions, 200),
        ("rocking until terminated", 1, mountain_car_rocker, 200),
        ("always left", 2, constant(0), 60),
    ],
    "MountainCarContinuous-v0": [
        ("random actions", 0, random_actions, 100),
        ("rocking with out-of-bound throttles until terminated", 1, continuous_rocker, 999),
        ("random actions", 2, random_actions, 60),
    ],
}


def main():
    for env_id, episodes in EPISODES.items():
        recorded = []
        for name, seed, policy, max_steps, *start in episodes:
            steps = record_episode(env_id, seed, policy, max_steps, *start)
            recorded.append({"name": name, "seed": seed, "steps": steps})
            last = steps[-1]
            print(f"{env_id:26} seed {seed}: {len(steps):3} steps, {name}"
                  f" (terminated={last['terminated']}, truncated={last['truncated']})")
        document = {
            "id": env_id,
            "gymnasium": gym.__version__,
            "numpy": np.__version__,
            "episodes": recorded,
        }
        path = HERE / f"{env_id}.json"
        path.write_text(json.dumps(document, separators=(",", ":")) + "\n")
        print(f"wrote {path.name} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
