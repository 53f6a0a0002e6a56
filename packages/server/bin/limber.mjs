#!/usr/bin/env node
// The CLI is TypeScript run directly: register tsx first, then load it with a dynamic import
// (a static import would be hoisted above the registration).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
