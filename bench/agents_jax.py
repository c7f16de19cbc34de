"""A jitted JAX PPO on gymnax's CartPole-v1, written after PureJaxRL's single-file PPO, for
agents-bench to race against.

Two configurations, both for the same number of environment steps as ppo-book's run:
- "purejaxrl": PureJaxRL's CartPole settings: 4 environments x 128 steps per rollout, 4 epochs
  of 4 minibatches, lr 2.5e-4 falling linearly to 0, separate 64-64 tanh actor and critic with
  orthogonal initialisation, clipped value loss, advantages normalised per minibatch.
- "lesson": the lesson's settings: 1 environment x 2048 steps, 4 epochs of 64-row minibatches,
  lr 3e-4, a shared 64-64 tanh trunk with PyTorch's default initialisation, advantages
  normalised over the rollout.

Each is trained for one seed and for five seeds under `vmap`. The first call of a jitted
program pays for compilation; the second call (other seeds, same shapes) does not, so the
script reports both. Prints one JSON object of numbers:
  <config>_<seeds>_first_s   wall time of the first call (compile + run)
  <config>_<seeds>_run_s     wall time of the second call (run only)
  <config>_<seeds>_run_cpu_s CPU time of the process during the second call
  <config>_<seeds>_return    mean return of the last 20 finished episodes, averaged over seeds
  <config>_steps             environment steps per seed
Usage: agents_jax.py [total_steps]
"""
import importlib.metadata
import json
import os
import resource
import sys
import time


def _jax_version():
    parts = importlib.metadata.version("jax").split(".")
    return tuple(int("".join(ch for ch in p if ch.isdigit()) or 0) for p in parts[:2])


# JAX 0.10's XLA CPU scheduler can hang on vmapped seeds; turning the concurrency-optimised
# scheduler off avoids that (older versions do not know the flag, and reject unknown flags).
if _jax_version() >= (0, 10) and "concurrency_optimized_scheduler" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                               " --xla_cpu_enable_concurrency_optimized_scheduler=false").strip()

import gymnax  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

TOTAL_STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000

CONFIGS = {
    "purejaxrl": dict(envs=4, steps=128, epochs=4, minibatches=4, lr=2.5e-4, anneal=True,
                      shared=False, orthogonal=True, clip_value=True, adam_eps=1e-5,
                      normalise="minibatch"),
    "lesson": dict(envs=1, steps=2048, epochs=4, minibatches=32, lr=3e-4, anneal=False,
                   shared=True, orthogonal=False, clip_value=False, adam_eps=1e-8,
                   normalise="rollout"),
}
GAMMA, LAMBDA, CLIP, ENT, VF, MAX_NORM, HIDDEN = 0.99, 0.95, 0.2, 0.01, 0.5, 0.5, 64


def dense(key, n_in, n_out, orthogonal, gain):
    """One layer's (weight [in, out], bias [out]): orthogonal or PyTorch's uniform default."""
    if orthogonal:
        return jax.nn.initializers.orthogonal(gain)(key, (n_in, n_out)), jnp.zeros(n_out)
    bound = 1.0 / n_in ** 0.5
    k1, k2 = jax.random.split(key)
    return (jax.random.uniform(k1, (n_in, n_out), minval=-bound, maxval=bound),
            jax.random.uniform(k2, (n_out,), minval=-bound, maxval=bound))


def init_params(key, cfg, n_obs, n_actions):
    keys = jax.random.split(key, 6)
    root2 = 2.0 ** 0.5
    trunk = lambda k1, k2: [dense(k1, n_obs, HIDDEN, cfg["orthogonal"], root2),
                            dense(k2, HIDDEN, HIDDEN, cfg["orthogonal"], root2)]
    params = {"actor_trunk": trunk(keys[0], keys[1]),
              "actor": dense(keys[2], HIDDEN, n_actions, cfg["orthogonal"], 0.01),
              "critic": dense(keys[3], HIDDEN, 1, cfg["orthogonal"], 1.0)}
    if not cfg["shared"]:
        params["critic_trunk"] = trunk(keys[4], keys[5])
    return params


def apply(params, obs):
    """Logits and value for a batch (or one) of observations."""
    def run(trunk, x):
        for w, b in trunk:
            x = jnp.tanh(x @ w + b)
        return x
    actor_features = run(params["actor_trunk"], obs)
    critic_features = run(params["critic_trunk"], obs) if "critic_trunk" in params else actor_features
    logits = actor_features @ params["actor"][0] + params["actor"][1]
    value = (critic_features @ params["critic"][0] + params["critic"][1])[..., 0]
    return logits, value


def make_train(cfg):
    env, env_params = gymnax.make("CartPole-v1")
    n_obs = env.observation_space(env_params).shape[0]
    n_actions = env.action_space(env_params).n
    n_envs, n_steps = cfg["envs"], cfg["steps"]
    batch = n_envs * n_steps
    minibatch = batch // cfg["minibatches"]
    updates = TOTAL_STEPS // batch

    def schedule(count):
        done_fraction = count // (cfg["minibatches"] * cfg["epochs"]) / updates
        return cfg["lr"] * (1.0 - done_fraction)

    tx = optax.chain(optax.clip_by_global_norm(MAX_NORM),
                     optax.adam(schedule if cfg["anneal"] else cfg["lr"], eps=cfg["adam_eps"]))

    def train(key):
        key, init_key, reset_key = jax.random.split(key, 3)
        params = init_params(init_key, cfg, n_obs, n_actions)
        opt_state = tx.init(params)
        obs, env_state = jax.vmap(env.reset, in_axes=(0, None))(jax.random.split(reset_key, n_envs), env_params)
        episode = (jnp.zeros(n_envs), jnp.zeros(20), jnp.int32(0))  # running return, last 20 returns, count

        def env_step(carry, _):
            params, env_state, obs, key, episode = carry
            key, act_key, step_key = jax.random.split(key, 3)
            logits, value = apply(params, obs)
            action = jax.random.categorical(act_key, logits)
            log_prob = jax.nn.log_softmax(logits)[jnp.arange(n_envs), action]
            stepped = jax.vmap(env.step, in_axes=(0, 0, 0, None))(
                jax.random.split(step_key, n_envs), env_state, action, env_params)
            if len(stepped) == 6:  # gymnax 1.x: terminated and truncated apart
                next_obs, env_state, reward, terminated, truncated, _ = stepped
                done = terminated | truncated  # PureJaxRL and the lesson both stop bootstrapping at either
            else:  # older gymnax (the one JAX 0.4 installs with): one done flag
                next_obs, env_state, reward, done, _ = stepped
            running, recent, count = episode
            running = running + reward
            for i in range(n_envs):  # record finished episodes' returns in a ring of 20
                recent = jnp.where(done[i], recent.at[count % 20].set(running[i]), recent)
                count = count + done[i].astype(jnp.int32)
            running = jnp.where(done, 0.0, running)
            transition = (obs, action, log_prob, value, reward, done)
            return (params, env_state, next_obs, key, (running, recent, count)), transition

        def update_step(carry, _):
            params, opt_state, env_state, obs, key, episode = carry
            (params, env_state, obs, key, episode), traj = jax.lax.scan(
                env_step, (params, env_state, obs, key, episode), None, n_steps)
            t_obs, t_action, t_log_prob, t_value, t_reward, t_done = traj
            _, last_value = apply(params, obs)

            def gae(carry, step):
                advantage, next_value = carry
                value, reward, done = step
                delta = reward + GAMMA * next_value * (1 - done) - value
                advantage = delta + GAMMA * LAMBDA * (1 - done) * advantage
                return (advantage, value), advantage
            _, advantages = jax.lax.scan(gae, (jnp.zeros(n_envs), last_value),
                                         (t_value, t_reward, t_done.astype(jnp.float32)), reverse=True)
            returns = advantages + t_value
            if cfg["normalise"] == "rollout":
                advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)

            def loss_fn(params, mb):
                obs, action, old_log_prob, old_value, advantage, ret = mb
                logits, value = apply(params, obs)
                log_probs = jax.nn.log_softmax(logits)
                log_prob = jnp.take_along_axis(log_probs, action[:, None], axis=1)[:, 0]
                entropy = -(jnp.exp(log_probs) * log_probs).sum(axis=1).mean()
                if cfg["clip_value"]:
                    clipped = old_value + jnp.clip(value - old_value, -CLIP, CLIP)
                    value_loss = 0.5 * jnp.maximum((value - ret) ** 2, (clipped - ret) ** 2).mean()
                else:
                    value_loss = ((value - ret) ** 2).mean()
                if cfg["normalise"] == "minibatch":
                    advantage = (advantage - advantage.mean()) / (advantage.std() + 1e-8)
                ratio = jnp.exp(log_prob - old_log_prob)
                actor_loss = -jnp.minimum(ratio * advantage,
                                          jnp.clip(ratio, 1 - CLIP, 1 + CLIP) * advantage).mean()
                return actor_loss + VF * value_loss - ENT * entropy

            def epoch(carry, _):
                params, opt_state, key = carry
                key, perm_key = jax.random.split(key)
                flat = jax.tree_util.tree_map(lambda x: x.reshape((batch,) + x.shape[2:]),
                                              (t_obs, t_action, t_log_prob, t_value, advantages, returns))
                order = jax.random.permutation(perm_key, batch)
                shuffled = jax.tree_util.tree_map(
                    lambda x: x[order].reshape((cfg["minibatches"], minibatch) + x.shape[1:]), flat)

                def minibatch_step(carry, mb):
                    params, opt_state = carry
                    grads = jax.grad(loss_fn)(params, mb)
                    updates, opt_state = tx.update(grads, opt_state)
                    return (optax.apply_updates(params, updates), opt_state), None
                (params, opt_state), _ = jax.lax.scan(minibatch_step, (params, opt_state), shuffled)
                return (params, opt_state, key), None
            (params, opt_state, key), _ = jax.lax.scan(epoch, (params, opt_state, key), None, cfg["epochs"])
            return (params, opt_state, env_state, obs, key, episode), None

        carry, _ = jax.lax.scan(update_step, (params, opt_state, env_state, obs, key, episode), None, updates)
        _, recent, count = carry[-1]
        return jnp.where(count >= 20, recent.mean(), jnp.nan)

    return jax.jit(train), updates * batch


def timed(function, keys):
    wall, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    result = jax.block_until_ready(function(keys))
    used = resource.getrusage(resource.RUSAGE_SELF)
    return (time.perf_counter() - wall, used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime,
            float(jnp.nanmean(jnp.atleast_1d(result))))


def main():
    figures = {}
    for name, cfg in CONFIGS.items():
        train, steps = make_train(cfg)
        figures[f"{name}_steps"] = steps
        for seeds, function in ((1, train), (5, jax.jit(jax.vmap(train)))):
            def keys(first):
                return (jax.random.PRNGKey(first) if seeds == 1
                        else jax.vmap(jax.random.PRNGKey)(jnp.arange(first, first + seeds)))
            first, _, _ = timed(function, keys(0))
            run, run_cpu, final = timed(function, keys(100))
            figures[f"{name}_{seeds}_first_s"] = first
            figures[f"{name}_{seeds}_run_s"] = run
            figures[f"{name}_{seeds}_run_cpu_s"] = run_cpu
            figures[f"{name}_{seeds}_return"] = final
            print(f"{name}, {seeds} seed(s): first call {first:.2f} s, second {run:.2f} s "
                  f"({run_cpu:.2f} CPU s), return {final:.1f}", file=sys.stderr)
    figures["jax_version_minor"] = _jax_version()[1]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
