import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openSqliteStore } from './sqlite.js';
import type { ConversationStore } from './types.js';

/** The store the configuration asks for: SQLite by default. */
export async function openStore(config: Config, logger?: Logger): Promise<ConversationStore> {
  logger?.info({ store: 'sqlite', path: config.ADVISOR_DB }, 'opening conversation store');
  return openSqliteStore(config.ADVISOR_DB);
}
