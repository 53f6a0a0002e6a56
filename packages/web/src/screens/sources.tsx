import { SOURCE_IDS, SOURCE_LABELS, SOURCE_USES, SOURCES } from "@limber/core";
import { useEffect } from "preact/hooks";
import { useTopOnShow } from "../components/top.ts";

/** Every source behind Limber's rules, with its full citation. */
export function Sources() {
  useTopOnShow();
  useEffect(() => {
    const id = new URLSearchParams(location.hash.split("?")[1] ?? "").get("id");
    if (id) document.getElementById(`source-${id}`)?.focus();
  }, []);
  return (
    <main>
      <h1>Sources</h1>
      <p>Each rule Limber applies names the evidence behind it. These are the full references.</p>
      <dl>
        {SOURCE_IDS.map((id) => (
          <div key={id} class="card" id={`source-${id}`} tabIndex={-1}>
            <dt>
              <strong>{SOURCE_LABELS[id]}</strong> <span class="rule">{id}</span>
            </dt>
            <dd style={{ margin: "0.25rem 0 0" }}>{SOURCES[id]}</dd>
            <dd style={{ margin: "0.25rem 0 0" }} class="muted">
              What Limber takes from it: {SOURCE_USES[id]}
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
