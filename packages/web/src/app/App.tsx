import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { Layout } from "../layout/Layout.js";
import { HomePage } from "../routes/HomePage.js";
import { AccessibilityPage, LegalNoticePage, PersonalDataPage } from "../routes/InformationPages.js";
import { NotFoundPage } from "../routes/NotFoundPage.js";
import { createQueryClient } from "./query-client.js";

/** Every page of the app. A new page: a route here, and a navigation entry in layout/navigation.ts. */
function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="accessibilite" element={<AccessibilityPage />} />
        <Route path="mentions-legales" element={<LegalNoticePage />} />
        <Route path="donnees-personnelles" element={<PersonalDataPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
