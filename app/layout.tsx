import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { I18nProvider } from "@/lib/i18n/client";
import { getLang, getMessages, getT } from "@/lib/i18n/server";
import { Header } from "./_components/Header";
import { ScrollBoxes } from "./_components/ScrollBoxes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("meta.title"), template: "%s · Lacuna" }, description: t("meta.description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await getLang();
  const messages = await getMessages(lang);
  return (
    <html lang={lang === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen font-sans">
        <I18nProvider lang={lang} messages={messages}>
          <Header />
          <main className="mx-auto w-full max-w-5xl px-4 py-8">{children}</main>
          <ScrollBoxes />
        </I18nProvider>
      </body>
    </html>
  );
}
