/**
 * NeMo-Gym's `POST /aggregate_metrics`: `{verify_responses: [{_ng_task_index, reward, ...}]}` ->
 * `{group_level_metrics: [per task], agent_metrics: {...}, key_metrics: {...}}` with flat string
 * keys. Computed from the rewards the client sends back (the server keeps no state): per task the
 * rollout count, mean reward and pass@k (any rollout with reward 1); overall the mean reward,
 * pass@1, and the share of rollouts that could not be judged (`reward_outcome: "error"`).
 */
import { isObject, missingField, wrongShape } from '../errors.js';

const TASK_KEYS = ['_ng_task_index', '_task_index', 'task_index'];

/** Aggregate verify responses into NeMo-Gym's metrics shape. */
export function aggregateMetrics(body: Record<string, unknown>): Record<string, unknown> {
  if (!('verify_responses' in body)) throw missingField('verify_responses');
  const list = body.verify_responses;
  if (!Array.isArray(list)) throw wrongShape('verify_responses', 'an array of objects', list);
  const tasks = new Map<string, number[]>();
  let sum = 0;
  let passed = 0;
  let errors = 0;
  list.forEach((r, i) => {
    if (!isObject(r)) throw wrongShape(`verify_responses[${i}]`, 'an object', r);
    const reward = typeof r.reward === 'number' && Number.isFinite(r.reward) ? r.reward : 0;
    const key = TASK_KEYS.find((k) => r[k] !== undefined);
    const task = key !== undefined ? String(r[key]) : String(i);
    const rewards = tasks.get(task) ?? [];
    rewards.push(reward);
    tasks.set(task, rewards);
    sum += reward;
    if (reward >= 1) passed++;
    if (r.reward_outcome === 'error') errors++;
  });
  const n = list.length;
  const group_level_metrics = [...tasks].map(([task, rewards]) => ({
    task_index: Number.isNaN(Number(task)) ? task : Number(task),
    num_rollouts: rewards.length,
    'mean/reward': rewards.reduce((a, b) => a + b, 0) / rewards.length,
    [`pass@${rewards.length}`]: rewards.some((x) => x >= 1) ? 1 : 0,
  }));
  const agent_metrics = {
    num_rollouts: n,
    num_tasks: tasks.size,
    'mean/reward': n ? sum / n : 0,
    'pass@1': n ? passed / n : 0,
    'error_rate': n ? errors / n : 0,
  };
  return { group_level_metrics, agent_metrics, key_metrics: { 'mean/reward': agent_metrics['mean/reward'], 'pass@1': agent_metrics['pass@1'] } };
}
