import { render } from "preact";
import { App } from "./app.tsx";
import { openEventStore } from "./store/event-store.ts";
import "./styles.css";
import "./illustrations/illustrations.css";

render(<App openStore={openEventStore} />, document.getElementById("app") as HTMLElement);

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // Without a service worker Limber still works online; offline loading is what is lost.
    });
  });
}
