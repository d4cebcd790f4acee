export * from './agent-profile.ts';
export * from './conversation.ts';
export * from './inbox.ts';
export * from './commands.ts';
export * from './maps.ts';
export * from './rest.ts';
export * from './translation.ts';
