/**
 * Stand-in for `tandem match` while bin/tandem.js is not there: the same command, registered on
 * a bare commander program. The benchmark times this (or bin/tandem.js when present).
 */
import { Command } from 'commander';
import { registerMatchCommand } from '../../src/cli/match-command.ts';

const program = new Command('tandem');
registerMatchCommand(program);
await program.parseAsync(process.argv);
