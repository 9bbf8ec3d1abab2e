/** Reading Teams activities into the core's UserMessage. */
import { describe, expect, it } from 'vitest';
import { readIncoming } from '../../../adapters/teams/incoming.js';
import { channelMention, channelSubmit, DANA, personalMessage } from './helpers/harness.js';

const serviceUrl = 'http://127.0.0.1:1/';

/** botbuilder's Activity type, without importing botbuilder outside adapters/teams. */
type Activity = Parameters<typeof readIncoming>[0];

function read(activity: object) {
  return readIncoming(activity as Activity);
}

describe('readIncoming', () => {
  it('strips the bot mention from a channel post and keys the conversation by its thread', () => {
    const { message, kind } = read(channelMention({ serviceUrl, threadId: '42', text: 'we have <at>Lee</at> labelling data' }));
    expect(message).toEqual({
      conversationId: 'teams:19:team-channel@thread.tacv2;messageid=42',
      userId: `teams:${DANA.aadObjectId}`,
      userName: DANA.name,
      text: 'we have Lee labelling data',
    });
    expect(kind).toBe('shared');
  });

  it('reads card submit data before any text', () => {
    const choice = read(personalMessage({ serviceUrl, text: 'ignored', value: { field: 'behaviourNeed', value: 'strict' } }));
    expect(choice.message).toMatchObject({ text: '', choice: { field: 'behaviourNeed', value: 'strict' } });
    expect(choice.message.action).toBeUndefined();
    expect(choice.kind).toBe('personal');
    const action = read(channelSubmit({ serviceUrl, threadId: '42', value: { action: 'post-summary' } }));
    expect(action.message).toMatchObject({ text: '', action: 'post-summary' });
  });

  it('falls back to the text when the submit data is not ours', () => {
    const { message } = read(personalMessage({ serviceUrl, text: 'not sure', value: { action: 'delete-everything' } }));
    expect(message.text).toBe('not sure');
    expect(message.action).toBeUndefined();
    expect(message.choice).toBeUndefined();
  });

  it('uses the Teams user id when there is no Entra object id, and copes with no text at all', () => {
    const activity = { ...personalMessage({ serviceUrl }), from: { id: '29:guest' } };
    expect(read(activity).message).toEqual({ conversationId: 'teams:a:personal-dana', userId: 'teams:29:guest', text: '' });
  });
});
