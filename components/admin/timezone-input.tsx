"use client";
// datetime-local carries no time zone: send the browser's zone name beside it, so the server
// applies the offset in force at the scheduled time (daylight saving), not today's. Without
// script the server assumes the newsroom's zone, China Standard Time.
import { useEffect, useState } from "react";

export function TimezoneInput() {
  const [zone, setZone] = useState("Asia/Shanghai");
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || "Asia/Shanghai"), []);
  return <input type="hidden" name="zone" value={zone} />;
}
