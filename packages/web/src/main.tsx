import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { AppLink } from "./components/AppLink.js";
// The DSFR's styles (only the parts used), then the app's own on top.
import "./styles/dsfr.css";
import "./styles/dsfr-icons.generated.css";
import "./styles/global.css";

// Before the first render: the DSFR reads the colour scheme and needs our Link for its components.
startReactDsfr({ defaultColorScheme: "system", Link: AppLink });

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof AppLink;
  }
}

const container = document.getElementById("root");
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
