/** `/advise [description]`: acknowledged at once, then a quick assessment only the caller sees, via response_url. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from './conversation.js';
import { respondSafely } from './delivery.js';
import { safeError } from './logging.js';
import { renderAssessment, renderNotice, renderUsage, type SlackMessage } from './render.js';
import { encodeCarryOver } from './values.js';

export const COMMAND = '/advise';

export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    // Slack wants the acknowledgement within 3 seconds; the assessment follows through the response_url.
    await ack();
    await respondSafely(respond, deps.logger, { response_type: 'ephemeral', ...assessmentMessage(deps, command.text) });
  });
}

export function assessmentMessage(deps: SlackDeps, description: string): SlackMessage {
  try {
    const reply = deps.advisor.assess(description);
    if (!reply.result) return renderUsage(reply);
    return renderAssessment(reply, encodeCarryOver({ profile: reply.result.profile, description: description.trim() }));
  } catch (error) {
    deps.logger.error({ error: safeError(error) }, 'quick assessment failed');
    return renderNotice('Sorry, I could not assess that description. Please try again, or mention me in a channel to talk it through.');
  }
}
