"""The engine benchmark's two operations written in PyTorch as the lesson writes them.

Prints one JSON object: forward_single_us and minibatch_update_us (best of several
rounds, one thread), for engine-bench to compare against.
"""
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical

torch.set_num_threads(1)
torch.manual_seed(0)


class PPONetwork(nn.Module):
    def __init__(self, state_dim=4, n_actions=2, hidden=64):
        super().__init__()
        self.shared = nn.Sequential(
            nn.Linear(state_dim, hidden), nn.Tanh(),
            nn.Linear(hidden, hidden), nn.Tanh(),
        )
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def forward(self, state):
        features = self.shared(state)
        return self.actor(features), self.critic(features)


def best_microseconds(body, calls, rounds=30):
    """Fastest of many short rounds, per call, as engine-bench times its own side."""
    for _ in range(max(calls // 10, 1)):
        body()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            body()
        best = min(best, (time.perf_counter() - start) / calls * 1e6)
    return best


net = PPONetwork()
opt = torch.optim.Adam(net.parameters(), lr=3e-4)
state = [0.02, -0.01, 0.03, 0.04]
rows, clip_eps = 64, 0.2
states = torch.randn(rows, 4)
actions = torch.arange(rows) % 2
returns = torch.randn(rows)
advantages = torch.randn(rows)
with torch.no_grad():
    old_log_probs = Categorical(logits=net(states)[0]).log_prob(actions)


def forward_single():
    with torch.no_grad():
        net(torch.FloatTensor(state).unsqueeze(0))


def update():
    logits, values = net(states)
    dist = Categorical(logits=logits)
    new_log_probs = dist.log_prob(actions)
    entropy = dist.entropy().mean()
    ratio = torch.exp(new_log_probs - old_log_probs)
    surr1 = ratio * advantages
    surr2 = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * advantages
    actor_loss = -torch.min(surr1, surr2).mean()
    critic_loss = F.mse_loss(values.squeeze(), returns)
    loss = actor_loss + 0.5 * critic_loss - 0.01 * entropy
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(net.parameters(), 0.5)
    opt.step()


print(json.dumps({
    "forward_single_us": best_microseconds(forward_single, 500),
    "minibatch_update_us": best_microseconds(update, 20),
}))
