"""The lesson's PyTorch PPO on CartPole-v1 (old log-probs flattened to [N], the one-line fix),
one thread, for a shortened run. Prints one JSON object: steps, wall_s and cpu_s (the process's CPU time, which
stays honest when other work shares the cores), for agents-bench to compare against.
"""
import json
import sys
import time

import gymnasium as gym
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.set_num_threads(1)
torch.manual_seed(0)
np.random.seed(0)

TOTAL_STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_480
ROLLOUT = 2048


class PPONetwork(nn.Module):
    def __init__(self, state_dim, n_actions, hidden=64):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(state_dim, hidden), nn.Tanh(),
                                    nn.Linear(hidden, hidden), nn.Tanh())
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def forward(self, state):
        features = self.shared(state)
        return self.actor(features), self.critic(features)


def gae(rewards, values, dones, last_value, gamma=0.99, lam=0.95):
    advantages, running = [], 0.0
    values = values + [last_value]
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * values[t + 1] * (1 - dones[t]) - values[t]
        running = delta + gamma * lam * (1 - dones[t]) * running
        advantages.insert(0, running)
    advantages = torch.FloatTensor(advantages)
    return advantages + torch.FloatTensor(values[:-1]), advantages


def main():
    env = gym.make("CartPole-v1")
    net = PPONetwork(4, 2)
    opt = torch.optim.Adam(net.parameters(), lr=3e-4)
    state, _ = env.reset(seed=0)
    steps = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while steps < TOTAL_STEPS:
        states, actions, log_probs, rewards, values, dones = [], [], [], [], [], []
        for _ in range(ROLLOUT):
            with torch.no_grad():
                logits, value = net(torch.FloatTensor(state).unsqueeze(0))
            dist = Categorical(logits=logits)
            action = dist.sample()
            next_state, reward, done, trunc, _ = env.step(action.item())
            states.append(state)
            actions.append(action.item())
            log_probs.append(dist.log_prob(action))
            rewards.append(reward)
            values.append(value.item())
            dones.append(float(done or trunc))
            steps += 1
            state = env.reset()[0] if done or trunc else next_state
        with torch.no_grad():
            _, last_value = net(torch.FloatTensor(state).unsqueeze(0))
        returns, advantages = gae(rewards, values, dones, last_value.item())
        advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
        states_t = torch.FloatTensor(np.array(states))
        actions_t = torch.LongTensor(actions)
        old_log_probs = torch.stack(log_probs).detach().flatten()
        for _ in range(4):
            idx = np.random.permutation(len(states))
            for begin in range(0, len(states), 64):
                b = idx[begin:begin + 64]
                logits, value = net(states_t[b])
                dist = Categorical(logits=logits)
                new_log_probs = dist.log_prob(actions_t[b])
                ratio = torch.exp(new_log_probs - old_log_probs[b])
                surr1 = ratio * advantages[b]
                surr2 = torch.clamp(ratio, 0.8, 1.2) * advantages[b]
                loss = (-torch.min(surr1, surr2).mean()
                        + 0.5 * F.mse_loss(value.squeeze(), returns[b])
                        - 0.01 * dist.entropy().mean())
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(net.parameters(), 0.5)
                opt.step()
    print(json.dumps({"steps": steps, "wall_s": time.perf_counter() - start,
                      "cpu_s": time.process_time() - cpu_start}))


if __name__ == "__main__":
    main()
