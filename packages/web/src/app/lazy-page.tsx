import { type ComponentType, lazy } from "react";

/**
 * A page loaded when its address is first visited: each lazy page is its own chunk, so a candidate
 * on the home page downloads none of the recruiters', CFAs', OPCOs' or administrators' code.
 * `lazyPage(() => import("../features/x/XPage.js"), "XPage")` keeps named exports (React.lazy
 * wants a default one). The layout's Suspense shows a loading message while the chunk arrives.
 */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
  // biome-ignore lint/suspicious/noExplicitAny: pages take their own props (SignUpPage's type); the check is on Module[Name].
): Module[Name] extends ComponentType<any> ? Module[Name] : never {
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as never;
}
