/** Shared helpers of the server tests: build an in-process server and a Responses-API response. */
import { buildServer, type ServerOptions, type RewardServer } from '../../src/server/app.js';

/** A server for `app.inject` (nothing listens), warmed. */
export async function testServer(o: ServerOptions = {}): Promise<RewardServer> {
  const s = buildServer({ logLevel: 'silent', warm: [], ...o });
  await s.app.ready();
  await s.warmed;
  return s;
}

/** An OpenAI Responses object whose assistant message says `text` (NeMo-Gym's `response`). */
export function responsesObject(text: string): Record<string, unknown> {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 0,
    model: 'policy',
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    output: [
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'thinking \\boxed{Z}' }] },
      { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] },
    ],
  };
}
