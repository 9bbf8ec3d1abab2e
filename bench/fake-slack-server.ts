/** The fake Slack Web API in its own process for the load test. Prints `API <url> RESPONSE <url>` when listening. */
import { FakeSlack } from '../test/adapters/slack/helpers/fake-slack.js';

const fake = new FakeSlack();
await fake.start();
process.stdout.write(`API ${fake.apiUrl} RESPONSE ${fake.responseUrl('bench')}\n`);
process.once('SIGTERM', () => process.exit(0));
