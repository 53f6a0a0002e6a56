import { currentCli } from "../../scripts/build-cli.mjs";

/**
 * Brings the compiled CLI up to date once before the tests, so that the tests spawning
 * `limber` at the same time all run one current build rather than each building its own.
 */
export default async function setup(): Promise<void> {
  await currentCli();
}
