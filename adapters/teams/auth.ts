/** Bot Framework authentication from the product configuration, refusing settings that would be unsafe. */
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { RequestPolicy } from '@azure/core-http-compat';

export class TeamsConfigError extends Error {
  override readonly name = 'TeamsConfigError';
}

type TeamsSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'TEAMS_ALLOW_UNAUTHENTICATED'>;

/** The settings each app type needs, named by variable so the operator knows what to set. */
function missingSettings(settings: TeamsSettings): string[] {
  const problems: string[] = [];
  const type = settings.MicrosoftAppType;
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && !settings.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType=${type}`);
  }
  if ((type === 'SingleTenant' || type === 'MultiTenant') && !settings.MicrosoftAppPassword) {
    problems.push(`MicrosoftAppPassword: required when MicrosoftAppType=${type} (the client secret of the bot's app registration)`);
  }
  if (type === 'UserAssignedMSI' && settings.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: must be empty when MicrosoftAppType=UserAssignedMSI (the managed identity has no secret)');
  }
  return problems;
}

/**
 * Checks the Teams settings. Without MicrosoftAppId the Bot Framework skips token validation, so anyone who
 * can reach the endpoint could impersonate Teams: that is only allowed with the explicit development flag.
 * Returns whether requests are authenticated.
 */
export function checkTeamsSettings(settings: TeamsSettings, logger: Logger): { authenticated: boolean } {
  if (!settings.MicrosoftAppId) {
    if (!settings.TEAMS_ALLOW_UNAUTHENTICATED) {
      throw new TeamsConfigError(
        'Teams: MicrosoftAppId is not set, so /api/messages would accept unauthenticated requests from anyone. ' +
          'Set MicrosoftAppId and MicrosoftAppPassword from your Azure Bot registration, or set TEAMS_ALLOW_UNAUTHENTICATED=true for local development only.',
      );
    }
    logger.warn('Teams: authentication is DISABLED (TEAMS_ALLOW_UNAUTHENTICATED=true, no MicrosoftAppId); never expose this endpoint publicly');
    return { authenticated: false };
  }
  const problems = missingSettings(settings);
  if (problems.length > 0) throw new TeamsConfigError(`Teams: invalid configuration:\n  ${problems.join('\n  ')}`);
  return { authenticated: true };
}

/** Builds the Bot Framework authentication; `httpClient` carries the connector retry policy. */
export function createAuthentication(settings: TeamsSettings, httpClient: RequestPolicy): ConfigurationBotFrameworkAuthentication {
  const credentials = {
    MicrosoftAppId: settings.MicrosoftAppId ?? '',
    MicrosoftAppPassword: settings.MicrosoftAppPassword ?? '',
    // Without an app id (local development) the app type is irrelevant, and SingleTenant/MSI would demand one.
    MicrosoftAppType: settings.MicrosoftAppId ? settings.MicrosoftAppType : 'MultiTenant',
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId ?? '',
  };
  const factory = new ConfigurationServiceClientCredentialFactory(credentials);
  return new ConfigurationBotFrameworkAuthentication(credentials, factory, undefined, undefined, { httpClient });
}
