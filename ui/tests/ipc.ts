// The IPC mock of component tests, typed by the generated command contract: a test that
// answers a command the app no longer has, or misnames one, fails `tsc`.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { CommandName } from '../src/lib/bindings/commands';

export function mockCommands(answer: (command: CommandName, args: Record<string, unknown>) => unknown): void {
  mockIPC((command, args) => answer(command as CommandName, (args ?? {}) as Record<string, unknown>));
}
