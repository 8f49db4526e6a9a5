// The review area: session, statistics and settings share KaTeX's stylesheet (bundled from node_modules with its
// fonts, so nothing loads from a CDN) and a tab bar.
import type { ReactNode } from "react";
import "katex/dist/katex.min.css";
import "./review.css";
import { getT } from "@/lib/i18n/server";
import { ReviewTabs } from "./_components/ReviewTabs";

export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const t = await getT();
  return (
    <div className="space-y-6">
      <ReviewTabs
        tabs={[
          { href: "/review", label: t("review.tabs.session") },
          { href: "/review/stats", label: t("review.tabs.stats") },
          { href: "/review/settings", label: t("review.tabs.settings") },
        ]}
      />
      {children}
    </div>
  );
}
