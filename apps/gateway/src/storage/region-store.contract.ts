import { afterAll, describe } from 'vitest';
import { contractKit } from './contract/contract-kit.ts';
import type { ContractHooks, OpenStore } from './contract/contract-kit.ts';
import { describeBotTurnContract } from './contract/bot-turns.contract.ts';
import { describeClaimContract } from './contract/claims.contract.ts';
import { describeInboxContract } from './contract/inbox.contract.ts';
import { describeMessageContract } from './contract/messages.contract.ts';
import { describeNoteAndAuditContract } from './contract/notes-audit.contract.ts';
import { describeRecordContract } from './contract/records.contract.ts';
import { describeTranslationContract } from './contract/translations.contract.ts';

export type { ContractHooks, OpenStore } from './contract/contract-kit.ts';

/**
 * The contract every RegionStore adapter passes. Run it from each adapter's test file so
 * SQLite and MongoDB stay interchangeable behind the port.
 */
export function describeRegionStoreContract(adapterName: string, openStore: OpenStore, hooks: ContractHooks): void {
  describe(`RegionStore contract: ${adapterName}`, () => {
    const kit = contractKit(openStore, hooks);
    afterAll(() => kit.closeAll());
    describe('visitors, conversations, tickets', () => describeRecordContract(kit));
    describe('messages', () => describeMessageContract(kit));
    describe("bot turns owed (awaitsBot)", () => describeBotTurnContract(kit));
    describe('inbox queries', () => describeInboxContract(kit));
    describe('assignee compare-and-set', () => describeClaimContract(kit));
    describe('notes and audit', () => describeNoteAndAuditContract(kit));
    describe('translations', () => describeTranslationContract(kit));
  });
}
