// Conventions of real national, sector and county dailies that invented pages missed: dashless
// subtitles, name-only and spaced bylines, closing credits, stories without bylines, interview lines,
// unpunctuated subheads, subheads after a jump-in marker, box labels.
import { describe, expect, it } from "vitest";
import { isBylineLine, splitDateline, splitEndByline } from "./bylines";
import { isParallelHead, isTitleOverSubtitle, wrapsTitle } from "./headings";
import { parsePage } from "./index";

const parse = (text: string) => parsePage(text, "1").articles;

describe("two display lines without a dash", () => {
  it.each([
    ["城乡居民医保参保率保持稳定", "今年新增异地就医直接结算定点医院1.2万家"],
    ["一座老矿区的“绿色转身”", "云澜市推进采煤沉陷区生态修复纪实"],
    ["耐盐碱水稻试种成功", "亩产达到612公斤，可在中重度盐碱地推广种植"],
  ])("reads %s / %s as title over subtitle", (a, b) => {
    expect(isTitleOverSubtitle(a, b)).toBe(true);
  });

  it.each([
    ["今年前两个月", "全国铁路发送旅客6.2亿人次"], // a time frame
    ["冬季用电高峰将至", "全市电网迎峰度冬准备就绪"], // the occasion
    ["市政府常务会议审议通过", "海滨市老旧管网改造三年行动方案"], // the title is the verb's object
    ["全市首批“社区食堂”试运营", "老年人家门口吃上“暖心饭”"], // no longer than the line above
    ["春耕时节访农家", "一台播种机的“新本事”"], // the quoted catchword is the title
    ["考評局回應教師工作量關注", "文憑試公民科明年起取消校本評核"], // traditional script: 肩題 over title
  ])("keeps %s / %s as kicker over title", (a, b) => {
    expect(isTitleOverSubtitle(a, b)).toBe(false);
  });

  it("assigns the roles in a page", () => {
    const [a] = parse("新能源汽车下乡活动启动\n\n首批参与车型覆盖32家车企126款产品\n\n本报记者　梁一苇\n\n活动近日在青屿县启动，首批参与活动的车型覆盖32家车企。");
    expect([a.kicker, a.title, a.subtitle]).toEqual([null, "新能源汽车下乡活动启动", "首批参与车型覆盖32家车企126款产品"]);
  });
});

describe("a byline that is only a name", () => {
  const body = "惊蛰一过，青屿县的茶山就醒了，采茶人已经背着竹篓上了山。";
  it.each([
    ["a padded two-character name under a four-character title", "春到茶山\n\n陈　默", "春到茶山", "陈 默"],
    ["a padded name with a rare surname", "图书馆里的“夜读人”\n\n阚　宁", "图书馆里的“夜读人”", "阚 宁"],
    ["a double surname", "让老街巷留住烟火气\n\n欧阳晓雯", "让老街巷留住烟火气", "欧阳晓雯"],
  ])("%s", (_n, head, title, byline) => {
    const [a] = parse(`${head}\n\n${body}`);
    expect([a.kicker, a.title, a.byline]).toEqual([null, title, byline]);
  });

  it("keeps a title over a ——subtitle when two names sign it", () => {
    const [a] = parse(`守护一方碧水\n\n——记青屿县河道保洁员郑水生\n\n刘畅　贺知远\n\n${body}`);
    expect([a.column, a.title, a.subtitle]).toEqual([null, "守护一方碧水", "——记青屿县河道保洁员郑水生"]);
  });
});

describe("stray spaces inside bylines", () => {
  it.each([
    "本报记者　郑可心　本报通讯 员　罗嘉",
    "本报通讯 员　吴冠群",
    "本报记 者　孔　岩",
    "通讯员　柏　杨　本报记者　苏　晴",
  ])("reads %s as one author line", (line) => {
    expect(isBylineLine(line)).toBe(true);
    const [a] = parse(`县医院开通远程会诊平台\n\n${line}\n\n县人民医院远程会诊平台近日开通，与省城三家医院实现实时连线。`);
    expect([a.kicker, a.title, a.byline]).toEqual([null, "县医院开通远程会诊平台", line.replace(/　/g, " ")]);
  });

  it("still refuses a sentence that opens with a role word", () => {
    expect(isBylineLine("记者 走进车间，看到工人们正在忙碌")).toBe(false);
  });
});

describe("closing datelines and credits", () => {
  const story = "今年计划新建和改造燃气管道1万公里以上，重点解决安全隐患突出的管道问题。";
  const next = "北方多地迎来春季首场降雨\n\n受冷暖空气共同影响，11日起北方多地迎来今年春季首场降雨。";
  it.each([
    ["an agency dateline on its own line", "新华社北京3月11日电"],
    ["a padded name", "（记者　张　磊）"],
    ["bare names", "（王芳　李想）"],
    ["contributors", "（宋雨桐、陆川对本文亦有贡献）"],
    ["a bracketed source", "（据新华社上海3月11日电）"],
  ])("%s ends the story above and carries its names", (_n, credit) => {
    const [a, b] = parse(`燃气管道更新提速\n\n${story}\n\n${credit}\n\n${next}`);
    expect(a.byline?.replace(/\s/g, "")).toBe(credit.replace(/\s|　/g, ""));
    expect(a.paragraphs).toEqual([story]);
    expect([b.kicker, b.title, b.byline]).toEqual([null, "北方多地迎来春季首场降雨", null]);
  });

  it("splits a source printed at the end of the last paragraph", () => {
    expect(splitEndByline(`${story}（据新华社电）`)).toEqual({ text: story, byline: "（据新华社电）" });
  });

  it("leaves a dateline above its own text alone", () => {
    const [a, b] = parse(`燃气管道更新提速\n\n${story}\n\n新华社北京3月11日电\n\n记者11日从有关方面获悉，我国首条跨海高铁隧道实现贯通。`);
    expect(a.byline).toBeNull();
    expect(b.byline).toBe("新华社北京3月11日电");
  });
});

describe("a story with no byline after another story", () => {
  const dispatch = "本报讯（记者　武思远）3月11日，全市一季度重点项目集中开工，共86个项目，总投资412亿元。";
  it("opens a new story under a dispatch even when its title echoes the lead loosely", () => {
    const articles = parse(`重点项目集中开工\n\n${dispatch}\n\n“小院议事”解民忧\n\n走进石门村，村委会旁的小院里，村民们正在商量村道路灯的安装位置。`);
    expect(articles.map((a) => a.title)).toEqual(["重点项目集中开工", "“小院议事”解民忧"]);
  });

  it("keeps a section head inside a signed feature", () => {
    const articles = parse(`夜色里的县城\n\n本报记者　何一舟\n\n傍晚六点，县城的滨河步行街亮起了灯，街上很快就挤满了人。\n\n摊主们的新生意\n\n韦小满大学毕业后回到县城，和几个年轻人一起把夜市做成了打卡地。`);
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(3);
  });
});

describe("over-splitting", () => {
  it("keeps an interview's short questions inside the interview", () => {
    const text = "补贴怎么领\n\n——访县农业农村局负责人\n\n本报记者　冯晓岚\n\n记者就群众关心的补贴问题采访了县农业农村局负责人。\n\n问：补贴标准是多少？\n\n答：补贴标准是每亩105元。\n\n记者：补贴资金什么时候到账？\n\n答：补贴资金明年6月底前到账。";
    const articles = parse(text);
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(5);
  });

  it("keeps section heads naming a subject inside a signed feature", () => {
    const text = "夜经济点亮小县城\n\n本报记者　何一舟\n\n傍晚六点，滨河步行街亮起了灯，街上很快就挤满了人。\n\n夜市里的年轻摊主\n\n韦小满和几个年轻摊主一起把夜市做成了县城年轻人的打卡地。\n\n县城消费的新引擎\n\n据测算，步行街夜间客流占全天的六成以上。";
    const articles = parse(text);
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(5);
  });

  it("reads a subtitle with commas and a title trailing off in ……", () => {
    const [a, b] = parse("耐盐碱水稻试种成功\n\n亩产达到612公斤，可在中重度盐碱地推广种植\n\n本报记者　潘立\n\n记者从云澜农业科学院获悉，新品种试种成功。\n\n山里的孩子，想去看看海……\n\n本报记者　温晴\n\n大岭小学的孩子们正在画画，画纸上是一片蓝色的大海。");
    expect([a.title, a.subtitle]).toEqual(["耐盐碱水稻试种成功", "亩产达到612公斤，可在中重度盐碱地推广种植"]);
    expect([b.title, b.byline]).toEqual(["山里的孩子，想去看看海……", "本报记者 温晴"]);
  });
});

describe("subheads without final punctuation", () => {
  it.each(["产业兴了，村子活了", "既要“富口袋”，也要“富脑袋”", "渠修好了，水来得快了"])("%s is a subhead", (s) => {
    expect(isParallelHead(s)).toBe(true);
  });

  it.each(["“虽然已是第二天，但是洽谈的人", "今年以来，全县", "今年以来，全市上下", "据了解，今年全市已建成各类充电设施一万两千多个"])(
    "%s is a fragment cut by a column end",
    (s) => expect(isParallelHead(s)).toBe(false),
  );

  it("keeps the subhead apart from the paragraph below it", () => {
    const [a] = parse("石门村的“三变”\n\n本报记者　谭秋月\n\n石门村如今家家户户住上了新房。\n\n产业兴了，村子活了\n\n2021年，村里成立合作社，带动一百多户村民增收。");
    expect(a.paragraphs).toEqual(["石门村如今家家户户住上了新房。", "产业兴了，村子活了", "2021年，村里成立合作社，带动一百多户村民增收。"]);
  });
});

describe("a subhead right after （上接…）", () => {
  it("is the first section's head when more sections follow, not a jump headline", () => {
    const [a] = parse("（上接1版）\n\n企业成了创新主角\n\n去年，全市高新技术企业数量突破1200家。\n\n人才引得进、留得住\n\n全市出台人才安居新政，去年新引进高校毕业生2.6万人。");
    expect([a.title, a.jumpFrom]).toEqual([null, "1"]);
    expect(a.paragraphs).toHaveLength(4);
  });

  it("is the jump headline when the page prints jump headlines and the text has no sections", () => {
    const [, a] = parse("实干担当 奋力谱写新篇章（上接1版）\n\n市民政局局长任建国表示，将加快完善基层社会治理体系。\n\n（上接1版）\n\n职校生成了“香饽饽”\n\n学院与市内32家企业签订校企合作协议，毕业生本地就业率达到76%。\n\n“在学校学的就是企业用的。”毕业生柯鹏说。");
    expect([a.title, a.jumpFrom]).toEqual(["职校生成了“香饽饽”", "1"]);
  });

  it("is a subhead on a page that prints no jump headlines", () => {
    const [a] = parse("（上接4版）\n\n职校生成了“香饽饽”\n\n学院与市内32家企业签订校企合作协议，毕业生本地就业率达到76%。\n\n“在学校学的就是企业用的。”毕业生柯鹏说。");
    expect([a.title, a.jumpFrom, a.paragraphs.length]).toEqual([null, "4", 3]);
  });

  it("is a subhead when a jump headline is printed above the marker", () => {
    const [a] = parse("老街焕新\n\n（上接1版）\n\n改造后的南门老街\n\n老街保留了原有的街巷肌理和三十多栋历史建筑。");
    expect([a.title, a.paragraphs.length]).toEqual(["老街焕新", 2]);
  });
});

describe("box labels", () => {
  const intro = "邓家和从十四岁开始学竹编，已经和竹子打了近五十年交道。";
  it("keeps 【…】 over text inside a running story as one of its paragraphs", () => {
    const articles = parse(`竹丝里的“绝活”\n\n本报记者　田野\n\n${intro}\n\n【绝活看点】\n\n一根竹丝最细只有0.1毫米，要经过二十多道工序。\n\n【传承故事】\n\n他开办了竹编传习所，先后带出徒弟六十多人。`);
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(5);
  });

  it("does not read a box label under the title as its subtitle", () => {
    const [a] = parse(`非遗传承\n\n竹丝扇里的乾坤\n\n【绝活看点】\n\n${intro}`);
    expect([a.kicker, a.title, a.subtitle]).toEqual(["非遗传承", "竹丝扇里的乾坤", null]);
    expect(a.paragraphs).toEqual(["【绝活看点】", intro]);
  });

  it("still reads 【…】 above a title as its column", () => {
    const [a] = parse(`【非遗小课堂】\n\n什么是竹丝扇\n\n竹丝扇是以细竹丝为原料编织而成的扇子，工艺复杂，质地轻薄。`);
    expect([a.column, a.title]).toEqual(["【非遗小课堂】", "什么是竹丝扇"]);
  });
});

describe("more author lines", () => {
  it.each(["本报驻布鲁塞尔记者　韩冬", "新华社驻东京记者 吴晓东", "本报特派记者 邱天"])("%s is an author line", (line) => {
    expect(isBylineLine(line)).toBe(true);
  });

  it("reads 晚报讯 as a dateline", () => {
    expect(splitDateline("晚报讯（记者　章小鱼）记者昨天从地铁集团获悉，5号线将开通。")?.byline).toBe("晚报讯（记者　章小鱼）");
  });

  it("takes a padded name in a closing note", () => {
    expect(splitEndByline("（林　舟）")).toEqual({ text: "", byline: "（林　舟）" });
  });
});

describe("round five", () => {
  it("reads a subtitle that repeats its title's words", () => {
    expect(isTitleOverSubtitle("中小学课后服务提质扩容", "全省课后服务覆盖率达到98%")).toBe(true);
    expect(isTitleOverSubtitle("美联储官员释放谨慎信号", "市场对美国12月降息预期降温")).toBe(false);
  });

  it("keeps ■ section heads inside a signed story", () => {
    const articles = parse("一所山村小学的“科学课”\n\n本报记者　蒲晓雨\n\n大岭小学的科学教室里，学生们正围着自制的水火箭讨论。\n\n■ 把实验室搬进田野\n\n科学老师带着学生到田野里上课，观察种子发芽。\n\n■ 借力“云课堂”补短板\n\n学校接入省级科学教育云课堂，每周两节课由名师在线授课。");
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(5);
  });
});

describe("national papers' furniture and rubrics", () => {
  it("drops 本版责编 lines", () => {
    const articles = parse("全市新增公共充电桩1800个\n\n截至2月底，全市今年已新建公共充电桩1800个。\n\n本版责编：王一鸣　李想　版式设计：赵红");
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toEqual(["截至2月底，全市今年已新建公共充电桩1800个。"]);
  });

  it("reads 【相关链接】 as a sidebar's rubric", () => {
    const articles = parse("竹丝扇走出大山\n\n本报讯（记者　田野）青屿县的竹丝扇今年首次出口海外。\n\n【相关链接】\n\n竹丝扇是以细竹丝为原料编织而成的扇子，已列入省级非遗名录。");
    expect(articles.map((a) => [a.column, a.title])).toEqual([[null, "竹丝扇走出大山"], ["【相关链接】", null]]);
  });

  it("reads a paper and its news site as one organisation", () => {
    expect(isBylineLine("中青报·中青网记者　王晓")).toBe(true);
  });
});

describe("round six", () => {
  it.each([
    ["科技赋能春耕", "北斗农机作业面积同比增长三成", true], // a short title that names no place, period or event
    ["乌兰县茶卡镇", "冬季旅游线路焕新上新推出十条", false], // a place
    ["加快建设交通强省", "北岚今年将完成交通投资1200亿元", false], // a watchword without subject
  ])("%s / %s: title over subtitle is %s", (a, b, want) => {
    expect(isTitleOverSubtitle(a, b)).toBe(want);
  });

  it("keeps unmarked section heads in a dispatch under a full headline", () => {
    const articles = parse("多措并举稳岗扩岗\n\n全国城镇新增就业开局良好\n\n本报北京3月14日电　（记者柴宁）今年前两个月，全国城镇新增就业186万人，就业形势总体稳定。\n\n援企稳岗政策持续发力\n\n各地继续实施失业保险稳岗返还、一次性扩岗补助等政策。\n\n技能培训送到家门口\n\n各地组织开展职业技能培训120万人次。");
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(5);
  });

  it("opens a new story after a sectioned continuation when a full news title restates its lead", () => {
    const articles = parse("（上接1版）\n\n养老服务走进社区\n\n全市已建成社区养老服务中心186个。\n\n我国成功发射一颗海洋观测卫星\n\n我国13日在酒泉卫星发射中心成功将一颗海洋观测卫星发射升空。（新华社酒泉3月13日电）");
    expect(articles.map((a) => [a.title, a.jumpFrom, a.byline])).toEqual([
      [null, "1", null],
      ["我国成功发射一颗海洋观测卫星", null, "（新华社酒泉3月13日电）"],
    ]);
  });
});

describe("round seven", () => {
  it("splits a source named as 据…报 closing a story", () => {
    expect(splitEndByline("各地将组织开展科普展览。（据科技日报）")?.byline).toBe("（据科技日报）");
  });

  it("reads 晚报提醒 as a column", () => {
    const [a] = parse("晚报提醒\n\n本周气温起伏较大\n\n据市气象台预报，本周我市气温起伏较大，市民要注意添衣保暖。");
    expect([a.kicker, a.column, a.title]).toEqual([null, "晚报提醒", "本周气温起伏较大"]);
  });
});

describe("an unsigned story with sections and a closing note", () => {
  it("stays one story when the note closes the last section", () => {
    const articles = parse("老街焕新颜\n\n南门老街改造完成，青砖黛瓦间，老店铺依然开着门。\n\n留住烟火气\n\n街道干部挨家挨户听意见，确定了修旧如旧的思路。（记者　邵琪）");
    expect(articles).toHaveLength(1);
    expect(articles[0].byline).toBe("（记者 邵琪）");
    expect(articles[0].paragraphs).toHaveLength(3);
  });
});

describe("doubts for the editor", () => {
  it("marks a dashless pair read by length alone, not one a framing word settles", () => {
    const body = "\n\n本报记者　林晓川\n\n记者从国家医保局获悉，去年全国基本医疗保险参保人数达13.2亿人。";
    expect(parse(`城乡居民医保参保率保持稳定\n\n今年新增异地就医直接结算定点医院1.2万家${body}`)[0].doubts).toEqual(["headline-order"]);
    expect(parse(`今年前两个月\n\n全国铁路发送旅客6.2亿人次${body}`)[0].doubts).toBeUndefined();
  });

  it("marks the line under （上接…） and a story split off on weak evidence", () => {
    expect(parse("（上接1版）\n\n企业成了创新主角\n\n去年，全市高新技术企业数量突破1200家。")[0].doubts).toEqual(["jump-headline"]);
    const articles = parse("重点项目集中开工\n\n本报讯（记者　武思远）全市一季度重点项目集中开工，共86个项目。\n\n“小院议事”解民忧\n\n走进石门村，村委会旁的小院里，村民们正在商量村道路灯的安装位置。");
    expect(articles.map((a) => a.doubts)).toEqual([undefined, ["story-or-section"]]);
  });
});

describe("media-group roles", () => {
  it.each(["本报全媒体记者　王　伟", "融媒记者 李娜 通讯员 张强", "首席记者 邱天"])("%s is an author line", (line) => {
    expect(isBylineLine(line)).toBe(true);
  });
});

describe("round eight", () => {
  it("lets a feature's author line tip a close pair towards title over subtitle", () => {
    expect(isTitleOverSubtitle("小小蘑菇撑起增收大产业", "青屿县食用菌年产值突破8亿元", true)).toBe(true);
    expect(isTitleOverSubtitle("小小蘑菇撑起增收大产业", "青屿县食用菌年产值突破8亿元", false)).toBe(false);
    expect(isTitleOverSubtitle("抢抓农时不误春耕", "全省春播粮食面积过三成", true)).toBe(false);
  });

  it("joins a title broken where a modifier waits for its noun", () => {
    expect(wrapsTitle("我省新增4个国家级", "现代农业产业园")).toBe(true);
    expect(wrapsTitle("全省首批", "15个“数字乡村”示范镇授牌")).toBe(false);
    const [a] = parse("我省新增4个国家级\n\n现代农业产业园\n\n本报讯（记者　温宁）日前，新一批国家现代农业产业园创建名单公布，我省4个县入选。");
    expect([a.kicker, a.title]).toEqual([null, "我省新增4个国家级现代农业产业园"]);
  });
});

describe("round nine", () => {
  it.each([
    ["一季度消费市场开局良好", "社会消费品零售总额同比增长5.8%", true], // a clause that opens with a time frame
    ["前10月全市经济运行稳中向好", "主要指标保持平稳增长 新动能加快成长", false], // parallel phrases: the 主题
    ["今年前两个月", "全国铁路发送旅客6.2亿人次", false], // a time frame alone
  ])("%s / %s: title over subtitle is %s", (a, b, want) => {
    expect(isTitleOverSubtitle(a, b)).toBe(want);
  });
});

describe("round eleven", () => {
  it.each([
    ["我国首个海上二氧化碳封存示范工程投用", "每年可封存二氧化碳30万吨", true], // a finished event, then its figure
    ["省政府常务会议研究部署", "加快建设全国统一大市场北岚先行区", false], // the title is what was deployed
    ["老旧小区加装电梯按下“快进键”", "今年已有412台“加梯”投用", false],
  ])("%s / %s: title over subtitle is %s", (a, b, want) => {
    expect(isTitleOverSubtitle(a, b)).toBe(want);
  });
});

describe("lead-in kickers", () => {
  it.each([["国家统计局最新数据显示", "一季度国民经济开局良好"], ["在全面建设现代化的开局之年", "我省重点项目投资增长一成以上"]])(
    "%s / %s is kicker over title",
    (kicker, title) => {
      const [a] = parse(`${kicker}\n\n${title}\n\n本报讯（记者　王伟）国家统计局近日发布数据，一季度主要指标好于预期。`);
      expect([a.kicker, a.title]).toEqual([kicker, title]);
    },
  );
});

describe("round twelve", () => {
  it("keeps a subhead inside continued text even when it echoes the section below", () => {
    const articles = parse("（上接第一版）\n\n全市外贸企业积极开拓新兴市场，进出口增长18.6%。\n\n新业态成为新增长点\n\n跨境电商等新业态快速发展，一季度跨境电商进出口增长35%。");
    expect(articles).toHaveLength(1);
    expect(articles[0].paragraphs).toHaveLength(3);
  });

  it("reads 严厉打击… as a watchword kicker", () => {
    expect(isTitleOverSubtitle("严厉打击电信网络诈骗", "公安机关一季度破获案件4.6万起")).toBe(false);
  });
});
