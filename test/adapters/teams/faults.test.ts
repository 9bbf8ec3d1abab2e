/** Connector failures, authentication and start-up refusal for the Teams surface. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, isRetriableStatus, retryAfterMs } from '../../../adapters/teams/connectorHttp.js';
import { startTeams, TeamsConfigError } from '../../../adapters/teams/index.js';
import { createLogger } from '../../../src/log.js';
import { StoreUnavailableError, type ConversationStore } from '../../../src/store/types.js';
import { makeAdvisor } from '../../helpers/advisor.js';
import { LogCapture, personalMessage, startHarness, testConfig, type Harness } from './helpers/harness.js';
import { guardNetwork, type NetworkGuard } from './helpers/networkGuard.js';

const DOCS_BOT = 'We are building a support chatbot that answers questions from our product docs. The docs change every week.';
const APP_ID = '11111111-2222-3333-4444-555555555555';
const APP_PASSWORD = 'Zq8~fake-client-secret-value-0123456789';
/** JWT-shaped, with an issuer no Bot Framework validator trusts, so it is refused without fetching signing keys. */
const FORGED_TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'k1' })).toString('base64url'),
  Buffer.from(JSON.stringify({ iss: 'https://issuer.invalid/', aud: APP_ID, serviceurl: 'http://127.0.0.1/', exp: 4102444800 })).toString('base64url'),
  'c2lnbmF0dXJl',
].join('.');

let guard: NetworkGuard;
let harness: Harness | undefined;

beforeAll(() => {
  guard = guardNetwork();
});

afterAll(() => {
  guard.restore();
  expect(guard.nonLoopback()).toEqual([]);
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('connector errors', () => {
  it('retries a 429 and delivers the reply', async () => {
    harness = await startHarness();
    harness.stub.failNext(429);
    const response = await harness.post(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }));
    expect(response.status).toBe(200);
    const delivered = await harness.stub.nthMessage(1);
    const attempts = harness.stub.calls.filter((call) => call.activity.type === 'message');
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(attempts[1]?.activity).toEqual(attempts[0]?.activity);
    expect(delivered.activity.attachments?.length).toBe(1);
    expect(harness.logs.entries().filter((entry) => entry.level >= 50)).toEqual([]);
  });

  it('retries 5xx, then logs the failed reply without secrets and keeps the conversation state', async () => {
    harness = await startHarness({ MicrosoftAppPassword: APP_PASSWORD });
    harness.stub.failNext(500, 503, 500);
    const response = await harness.post(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }));
    expect(response.status).toBe(200);
    const failed = await harness.stub.waitFor((call) => call.activity.type === 'message' && harness?.stub.calls.filter((each) => each.status >= 500).length === 3);
    expect(failed.status).toBe(500);
    expect(harness.stub.messages()).toEqual([]);
    const errors = harness.logs.entries().filter((entry) => entry.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toBe('Teams: reply could not be delivered; the conversation state is saved');
    expect(errors[0]).toMatchObject({ conversationId: 'teams:a:personal-dana', error: { name: 'ConnectorDeliveryError', status: 500 } });
    expect(JSON.stringify(errors[0])).toContain('after 3 attempt(s)');
    expect(harness.logs.text).not.toContain(APP_PASSWORD);
    expect(harness.logs.text).not.toMatch(/Bearer\s+\w/);
    const state = await harness.advisor.store.get('teams:a:personal-dana');
    expect(state?.pendingField).toBe('behaviourNeed');
    expect(state?.profile.knowledgeFreshness).toBe('weekly');
  });

  it('continues the saved conversation once the connector recovers', async () => {
    harness = await startHarness();
    harness.stub.failNext(500, 500, 500);
    await harness.post(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }));
    const response = await harness.post(personalMessage({ serviceUrl: harness.stub.url, value: { field: 'behaviourNeed', value: 'none' } }));
    expect(response.status).toBe(200);
    const delivered = await harness.stub.nthMessage(1);
    expect(JSON.stringify(delivered.activity.attachments)).toContain('RAG (retrieval-augmented generation)');
  });
});

/** A store whose backend is down: every call fails as the Redis store does when Redis is unreachable. */
function unreachableStore(): ConversationStore {
  const down = () => Promise.reject(new StoreUnavailableError('Redis', new Error('connect ECONNREFUSED')));
  return { get: down, update: down, delete: down, claimEvent: down, addDecision: down, decisions: down, close: () => Promise.resolve() };
}

describe('conversation store down', () => {
  it('still answers, with the core\'s explanation that nothing was changed', async () => {
    harness = await startHarness({}, unreachableStore());
    const response = await harness.post(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }));
    expect(response.status).toBe(200);
    const reply = await harness.stub.nthMessage(1);
    expect(reply.activity.text).toContain('I can’t reach my conversation memory right now');
    expect(harness.logs.entries().some((entry) => entry.msg === 'Teams: could not check for a redelivered activity')).toBe(true);
  });
});

describe('retry policy', () => {
  it('retries throttling and server errors only, honours Retry-After and caps every wait', () => {
    expect([429, 408, 500, 502, 503, 504].every(isRetriableStatus)).toBe(true);
    expect([400, 401, 403, 404, 501, 505].some(isRetriableStatus)).toBe(false);
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
    const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffMs(0, policy, 60_000)).toBe(1000);
    for (const attempt of [0, 1, 2, 3, 4]) {
      const wait = backoffMs(attempt, policy);
      expect(wait).toBeGreaterThanOrEqual(Math.min(1000, (100 * 2 ** attempt) / 2));
      expect(wait).toBeLessThanOrEqual(Math.min(1000, 100 * 2 ** attempt));
    }
  });
});

describe('authentication', () => {
  it('rejects requests without a valid Bot Framework token with 401, logging no secrets and calling nothing outside', async () => {
    harness = await startHarness({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, TEAMS_ALLOW_UNAUTHENTICATED: 'false' });
    const activity = personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT });
    expect((await harness.post(activity)).status).toBe(401);
    expect((await harness.post(activity, { authorization: `Bearer ${FORGED_TOKEN}` })).status).toBe(401);
    expect((await harness.post(activity, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    expect(harness.stub.calls).toEqual([]);
    expect(await harness.advisor.store.get('teams:a:personal-dana')).toBeNull();
    const warnings = harness.logs.entries().filter((entry) => entry.msg.startsWith('Teams: request rejected'));
    expect(warnings).toHaveLength(3);
    expect(harness.logs.text).not.toContain(FORGED_TOKEN.split('.')[1]);
    expect(harness.logs.text).not.toContain(APP_PASSWORD);
    expect(harness.logs.text).not.toContain('dXNlcjpwYXNz');
  });

  it('answers 400 for a body that is not an activity and 405 for other methods', async () => {
    harness = await startHarness();
    const url = `http://127.0.0.1:${harness.teams.port}/api/messages`;
    expect((await fetch(url, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', body: '{"text":"no type"}' })).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${harness.teams.port}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('start-up', () => {
  const advisor = makeAdvisor();

  it('refuses to start without MicrosoftAppId unless local development is explicitly allowed', async () => {
    const logs = new LogCapture();
    const start = startTeams({ config: testConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' }), advisor, logger: createLogger('info', logs), port: 0 });
    await expect(start).rejects.toBeInstanceOf(TeamsConfigError);
    await expect(start).rejects.toThrow(/MicrosoftAppId is not set.*TEAMS_ALLOW_UNAUTHENTICATED=true/s);
  });

  it('warns when it starts unauthenticated for local development', async () => {
    const logs = new LogCapture();
    const teams = await startTeams({ config: testConfig(), advisor, logger: createLogger('info', logs), port: 0, host: '127.0.0.1' });
    await teams.stop();
    const warning = logs.entries().find((entry) => entry.level === 40);
    expect(warning?.msg).toMatch(/authentication is DISABLED/);
  });

  it('names the missing variable for a single-tenant bot', async () => {
    const config = testConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'SingleTenant' });
    await expect(startTeams({ config, advisor, logger: createLogger('silent'), port: 0 })).rejects.toThrow(/MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant/);
  });

  it('requires the client secret for a multi-tenant bot', async () => {
    const config = testConfig({ MicrosoftAppId: APP_ID });
    await expect(startTeams({ config, advisor, logger: createLogger('silent'), port: 0 })).rejects.toThrow(/MicrosoftAppPassword: required/);
  });
});
