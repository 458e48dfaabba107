"use client";
// datetime-local carries no time zone: send the browser's offset beside it. Without script the
// server assumes China Standard Time (UTC+8), the newsroom's zone.
import { useEffect, useState } from "react";

export function TimezoneInput() {
  const [offset, setOffset] = useState("-480");
  useEffect(() => setOffset(String(new Date().getTimezoneOffset())), []);
  return <input type="hidden" name="tz" value={offset} />;
}
