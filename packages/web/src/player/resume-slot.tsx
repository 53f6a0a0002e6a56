import type { Plan } from "@limber/core";
import { lazyComponent } from "../components/lazy.tsx";
import { sessionSaved } from "./session-key.ts";

const ResumeCard = lazyComponent(
  () => import("./resume-card.tsx").then((m) => m.ResumeCard),
  () => null,
);

/**
 * Today's place for a session left unfinished on this device. Its card (and the player's
 * timeline it reads) loads only when a session is saved, so the check-in downloads none of it.
 */
export function ResumeSlot(props: { plan: Plan; today: string }) {
  return sessionSaved() ? <ResumeCard {...props} /> : null;
}
