// 听报: an article, or every story of a page in order, read aloud (listen.island.ts). Rendered
// idle; the island switches the buttons as reading starts, pauses and stops.
import "./listen.css";

const RATES = [0.75, 1, 1.25, 1.5];

type Props = { mode: "article" } | { mode: "page"; source: string };

export function Listen(props: Props) {
  return (
    <div className="listen" role="group" aria-label="听报" data-no-convert data-island="listen"
      data-source={props.mode === "page" ? props.source : undefined}>
      <button type="button" className="listen__main" data-listen="main">{props.mode === "article" ? "听本文" : "听本版"}</button>
      <button type="button" data-listen="stop" hidden>停止收听</button>
      <label className="listen__rate">语速
        <select defaultValue="1">
          {RATES.map((r) => <option key={r} value={r}>{r === 1 ? "正常" : `${r}×`}</option>)}
        </select>
      </label>
      <p className="listen__now" hidden><span className="visually-hidden">正在朗读：</span><span data-listen="now" /></p>
      <p className="listen__note" role="status" />
    </div>
  );
}
