/** The Teams bot: reads a message, lets the core answer, and renders the reply as a card or text. */
import { ActivityTypes, CardFactory, MessageFactory, TeamsActivityHandler, type Activity, type TurnContext } from 'botbuilder';
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Reply } from '../../src/dialog/messages.js';
import type { Logger } from '../../src/log.js';
import { needsCard, replyCard, replyMarkdown } from './cards.js';
import { describeError } from './errors.js';
import { readIncoming, type ConversationKind } from './incoming.js';

export interface TeamsBotOptions {
  advisor: Advisor;
  logger: Logger;
}

const WELCOME_NOTE = 'Hi! Describe your project in a sentence or two and I will recommend RAG, fine-tuning, a hybrid or plain prompting, with cited reasons.';

/** A reply of the adapter's own, in the core's message model so it renders like every other reply. */
function notice(text: string, title?: string): Reply {
  return { kind: 'notice', text, sections: [{ ...(title ? { title } : {}), text, citations: [] }], question: null, actions: [], result: null };
}

/**
 * In a personal chat a decision summary has no audience: explain how to post it where the team reads it.
 * The first line of the summary is its headline, so the user sees which decision would be posted.
 */
export function personalSummaryNotice(summary: Reply): Reply {
  const headline = summary.sections[0]?.text.split('\n')[0];
  const text = [
    'Decision summaries are posted into a channel thread, so the whole team has the record.',
    'To post yours: open the thread in the channel, mention me (@Advisor) and write "summary". I will post your latest decision there and say that you posted it.',
    ...(headline ? [`Your latest decision: ${headline}`] : []),
  ].join('\n');
  return notice(text, 'Post a decision summary');
}

export function outgoingActivity(reply: Reply): Partial<Activity> {
  if (!needsCard(reply)) return { ...MessageFactory.text(replyMarkdown(reply)), textFormat: 'markdown' };
  return MessageFactory.attachment(CardFactory.adaptiveCard(replyCard(reply)));
}

export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly options: TeamsBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!(await this.firstDelivery(activity))) return;
    const { message, kind } = readIncoming(activity);
    await this.showTyping(context);
    // The core saves the conversation before we reply, so a failed delivery below loses nothing.
    const reply = await this.options.advisor.handle(message);
    await this.deliver(context, this.forConversation(reply, kind), message.conversationId);
  }

  private forConversation(reply: Reply, kind: ConversationKind): Reply {
    return reply.kind === 'summary' && kind === 'personal' ? personalSummaryNotice(reply) : reply;
  }

  /** Teams redelivers an activity when our answer was slow; handle each activity id once. */
  private async firstDelivery(activity: Activity): Promise<boolean> {
    if (!activity.id) return true;
    try {
      const first = await this.options.advisor.store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`);
      if (!first) this.logger.info({ activityId: activity.id }, 'Teams: duplicate activity ignored');
      return first;
    } catch (error) {
      // The store is unreachable: answer anyway, and the core tells the user it could not act on the message.
      this.logger.warn({ activityId: activity.id, error: describeError(error) }, 'Teams: could not check for a redelivered activity');
      return true;
    }
  }

  private async showTyping(context: TurnContext): Promise<void> {
    try {
      await context.sendActivity({ type: ActivityTypes.Typing });
    } catch (error) {
      // A missing typing indicator is cosmetic; the answer still goes out.
      this.logger.debug({ error: describeError(error) }, 'Teams: typing indicator not sent');
    }
  }

  private async deliver(context: TurnContext, reply: Reply, conversationId: string): Promise<void> {
    try {
      await context.sendActivity(outgoingActivity(reply));
    } catch (error) {
      this.logger.error({ conversationId, replyKind: reply.kind, error: describeError(error) }, 'Teams: reply could not be delivered; the conversation state is saved');
    }
  }

  private async welcome(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
    // Only greet in a personal chat: a greeting posted into a team's General channel is noise.
    if (!botAdded || activity.conversation.conversationType !== 'personal') return;
    await this.deliver(context, notice(WELCOME_NOTE), `teams:${activity.conversation.id}`);
  }
}
