/** Test kit for translation adapters: look-alike provider servers and their fake translation. */
export { startLookalikeServer } from './lookalike-server.ts';
export type { LookalikeReply, LookalikeServer, RecordedRequest } from './lookalike-server.ts';
export { fakeTranslate } from './fake-machine-translation.ts';
export { describeAdapterContract, PROTECTED_SAMPLE } from './adapter-contract.ts';
export type { AdapterUnderTest, LookalikeMode } from './adapter-contract.ts';
export { apertiumTarget } from './apertium-target.ts';
