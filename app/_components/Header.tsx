import Link from "next/link";
import { getSessionUser } from "@/lib/auth";
import { roleAllows } from "@/lib/roles";
import { getT } from "@/lib/i18n/server";
import { LangSwitch } from "./LangSwitch";
import { SignOutButton } from "./SignOutButton";

export async function Header() {
  const [user, t] = await Promise.all([getSessionUser(), getT()]);
  const links = [
    { href: "/exercises", label: t("nav.exercises") },
    { href: "/review", label: t("nav.review") },
    { href: "/progress", label: t("nav.progress") },
    ...(user && roleAllows(user.role, "instructor") ? [{ href: "/cohorts", label: t("nav.cohorts") }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          {t("nav.home")}
        </Link>
        <nav aria-label="Main" className="order-3 flex w-full gap-4 overflow-x-auto text-sm sm:order-none sm:w-auto">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="whitespace-nowrap text-slate-700 hover:text-brand-700">
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LangSwitch />
          {user ? (
            <>
              <span className="hidden max-w-48 truncate text-sm text-slate-600 sm:inline" data-testid="current-user">
                {user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-sm text-slate-700 hover:underline">
                {t("nav.signIn")}
              </Link>
              <Link href="/signup" className="btn-primary px-3 py-1 text-sm">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
