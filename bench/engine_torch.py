"""The engine benchmark's operations written in PyTorch as the lesson writes them.

Prints one JSON object: forward_single_us and minibatch_update_us (the lesson's PPO network),
actor_critic_update_us (one per-step Actor-Critic update, separate 4-128-2 and 4-128-1 ReLU
networks, two Adams) and dqn_learn_us / dqn_act_us (one 64-row DQN gradient step on a
4-64-64-2 ReLU Q-network with a target network, and one greedy action); best of several
rounds, one thread, for engine-bench to compare against.
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


def mlp(*sizes):
    layers = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        layers += [nn.Linear(n_in, n_out), nn.ReLU()]
    return nn.Sequential(*layers[:-1])


ac_actor, ac_critic = mlp(4, 128, 2), mlp(4, 128, 1)
ac_actor_opt = torch.optim.Adam(ac_actor.parameters(), lr=1e-4)
ac_critic_opt = torch.optim.Adam(ac_critic.parameters(), lr=3e-3)
ac_state, ac_next_state = torch.tensor([state]), torch.tensor([[0.03, 0.2, 0.02, -0.3]])


def actor_critic_update(beta=0.01, gamma=0.99):
    dist = Categorical(logits=ac_actor(ac_state))
    value = ac_critic(ac_state).squeeze()
    with torch.no_grad():
        next_value = ac_critic(ac_next_state).squeeze()
    advantage = 1.0 + gamma * next_value - value
    loss = (-(dist.log_prob(torch.tensor([1])) * advantage.detach()).sum()
            + 0.5 * advantage.pow(2) - beta * dist.entropy().mean())
    ac_actor_opt.zero_grad()
    ac_critic_opt.zero_grad()
    loss.backward()
    ac_actor_opt.step()
    ac_critic_opt.step()


q_net, target_net = mlp(4, 64, 64, 2), mlp(4, 64, 64, 2)
target_net.load_state_dict(q_net.state_dict())
q_opt = torch.optim.Adam(q_net.parameters(), lr=2.3e-3)
replay_states, replay_next = torch.randn(rows, 4), torch.randn(rows, 4)
replay_actions, replay_rewards = torch.arange(rows) % 2, torch.ones(rows)
replay_terminals = (torch.arange(rows) % 17 == 0).float()


def dqn_learn(gamma=0.99):
    with torch.no_grad():
        targets = replay_rewards + gamma * (1 - replay_terminals) * target_net(replay_next).max(dim=1).values
    predicted = q_net(replay_states).gather(1, replay_actions.unsqueeze(1)).squeeze(1)
    loss = F.smooth_l1_loss(predicted, targets)
    q_opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(q_net.parameters(), 10)
    q_opt.step()


def dqn_act():
    with torch.no_grad():
        q_net(torch.FloatTensor(state)).argmax().item()


print(json.dumps({
    "forward_single_us": best_microseconds(forward_single, 500),
    "minibatch_update_us": best_microseconds(update, 20),
    "actor_critic_update_us": best_microseconds(actor_critic_update, 50),
    "dqn_learn_us": best_microseconds(dqn_learn, 20),
    "dqn_act_us": best_microseconds(dqn_act, 500),
}))
