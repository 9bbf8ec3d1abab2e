/** One advisor replica as its own process, sharing state through REDIS_URL: reads JSON messages, writes JSON replies. */
import { createInterface } from 'node:readline';
import { createAdvisor } from '../../src/index.js';
import { openRedisStore } from '../../src/store/redis.js';

const advisor = await createAdvisor({ store: openRedisStore(process.env.REDIS_URL ?? '') });
for await (const line of createInterface({ input: process.stdin })) {
  const reply = await advisor.handle(JSON.parse(line));
  process.stdout.write(`${JSON.stringify({ kind: reply.kind, question: reply.question, result: reply.result })}\n`);
}
