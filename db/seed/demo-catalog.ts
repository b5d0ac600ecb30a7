import type { CompanyProfile } from "../../documents/types";

/**
 * Fixed reference data of the demo agency: its own profile, account managers,
 * clients and the wording of contract titles. demo-contracts.ts and
 * demo-payments.ts draw everything random about the demo from these lists.
 */

export const DEMO_COMPANY: CompanyProfile = {
  name: "上海星河广告传媒有限公司",
  address: "上海市徐汇区漕溪北路398号汇智大厦12楼",
  phone: "021-64871230",
  bankName: "招商银行上海分行徐家汇支行",
  bankAccountName: "上海星河广告传媒有限公司",
  bankAccountNumber: "1219 0876 5410 8016",
  signatory: "周立群",
};

export const DEMO_STAFF: readonly { name: string; phone: string }[] = [
  { name: "王丽娜", phone: "13816472205" },
  { name: "张伟", phone: "13901736648" },
  { name: "李晓峰", phone: "13761920374" },
  { name: "陈静", phone: "18621057793" },
  { name: "刘洋", phone: "15900816432" },
  { name: "赵敏", phone: "13524680917" },
  { name: "孙浩然", phone: "18917325560" },
];

export const BUSINESS_TYPES = ["户外广告", "平面广告", "新媒体", "设计制作", "活动策划"] as const;
export type BusinessTypeName = (typeof BUSINESS_TYPES)[number];

export type Industry =
  | "realEstate"
  | "auto"
  | "restaurant"
  | "education"
  | "medicalBeauty"
  | "consumerGoods"
  | "mall"
  | "bank"
  | "tourism"
  | "retail"
  | "internet";

/**
 * How much each industry buys of each business type, in the order of
 * BUSINESS_TYPES. Only the ratios within a row matter.
 */
export const INDUSTRY_MIX: Record<Industry, readonly number[]> = {
  realEstate: [5, 3, 2, 2, 3],
  auto: [3, 1, 3, 1, 4],
  restaurant: [1, 1, 5, 3, 1],
  education: [2, 3, 4, 2, 1],
  medicalBeauty: [2, 1, 5, 2, 1],
  consumerGoods: [4, 1, 4, 2, 2],
  mall: [2, 2, 2, 3, 5],
  bank: [1, 3, 1, 2, 4],
  tourism: [4, 2, 3, 1, 3],
  retail: [1, 2, 3, 3, 2],
  internet: [1, 0, 5, 3, 2],
};

/**
 * Payment habit of a client. `prompt` pays on or before the due date, `slow` 10–45
 * days late and `chronic` 60–200 days late, often only in part. `dispute`
 * stops paying one large contract. The `prepay…` clients pay ahead in one
 * of three ways, which leaves client credit (预收款).
 */
export type PaymentHabit =
  | "prompt"
  | "slow"
  | "chronic"
  | "dispute"
  | "prepayRetainer"
  | "prepayOverpay"
  | "prepayDeposit";

/** Big clients sign more and larger contracts. */
export type ClientSize = "large" | "medium" | "small";

export interface ClientSpec {
  name: string;
  industry: Industry;
  city: City;
  size: ClientSize;
  habit: PaymentHabit;
  /** Months before the current one in which the client signed its first contract; 23 = whole demo. */
  firstMonthsAgo?: number;
  /** Months before the current one after which the client signed nothing more; 0 = still active. */
  lastMonthsAgo?: number;
  /** Street address where the city's pool would not fit, e.g. a branch named after its district. */
  address?: string;
}

export type City = "上海" | "苏州" | "杭州" | "无锡" | "南京" | "嘉兴" | "宁波" | "湖州";

/** Name, industry, city, size, payment habit and, where needed, more of the ClientSpec. */
type ClientRow = [string, Industry, City, ClientSize, PaymentHabit, Partial<ClientSpec>?];

const CLIENT_ROWS: readonly ClientRow[] = [
  ["上海锦华置业有限公司", "realEstate", "上海", "large", "prompt"],
  ["苏州湖畔云庭置业有限公司", "realEstate", "苏州", "small", "chronic"],
  ["杭州钱塘悦府置业有限公司", "realEstate", "杭州", "large", "prompt"],
  ["无锡太湖新城置业有限公司", "realEstate", "无锡", "medium", "chronic", { lastMonthsAgo: 16 }],
  ["上海临港智造产业园发展有限公司", "realEstate", "上海", "medium", "prompt", {
    firstMonthsAgo: 6,
    address: "上海市浦东新区环湖西二路888号",
  }],
  ["上海宝悦汽车销售服务有限公司", "auto", "上海", "large", "prepayDeposit"],
  ["苏州众诚汽车销售服务有限公司", "auto", "苏州", "medium", "slow"],
  ["上海申捷汽车销售服务有限公司", "auto", "上海", "medium", "prompt"],
  ["杭州远驰汽车销售服务有限公司", "auto", "杭州", "medium", "slow"],
  ["嘉兴通润汽车销售服务有限公司", "auto", "嘉兴", "small", "chronic"],
  ["宁波甬城汽车销售服务有限公司", "auto", "宁波", "small", "prompt", { firstMonthsAgo: 10 }],
  ["上海蜀味坊餐饮管理有限公司", "restaurant", "上海", "medium", "prompt"],
  ["上海老弄堂餐饮管理有限公司", "restaurant", "上海", "small", "slow"],
  ["杭州知味轩餐饮有限公司", "restaurant", "杭州", "small", "prompt"],
  ["上海鲜牛记餐饮管理有限公司", "restaurant", "上海", "medium", "slow"],
  ["南京秦淮人家餐饮有限公司", "restaurant", "南京", "small", "slow"],
  ["上海茶里茶气餐饮管理有限公司", "restaurant", "上海", "medium", "prompt", { firstMonthsAgo: 8 }],
  ["上海启航教育培训有限公司", "education", "上海", "medium", "prompt"],
  ["上海乐音艺术培训有限公司", "education", "上海", "small", "prompt"],
  ["苏州博学教育科技有限公司", "education", "苏州", "medium", "chronic", { lastMonthsAgo: 18 }],
  ["上海卓越职业技能培训学校", "education", "上海", "small", "prompt"],
  ["杭州小橡树教育咨询有限公司", "education", "杭州", "small", "prompt"],
  ["上海悦颜医疗美容门诊部有限公司", "medicalBeauty", "上海", "medium", "slow"],
  ["上海雅丽医疗美容医院有限公司", "medicalBeauty", "上海", "large", "prompt"],
  ["杭州素妍医疗美容诊所有限公司", "medicalBeauty", "杭州", "small", "chronic"],
  ["苏州晶致口腔门诊部有限公司", "medicalBeauty", "苏州", "small", "prompt"],
  ["上海康宁口腔门诊部有限公司", "medicalBeauty", "上海", "small", "slow", { firstMonthsAgo: 12 }],
  ["上海清泉饮品有限公司", "consumerGoods", "上海", "large", "prepayOverpay"],
  ["上海优味食品有限公司", "consumerGoods", "上海", "medium", "prompt"],
  ["浙江康乐乳业有限公司", "consumerGoods", "杭州", "large", "prompt"],
  ["上海洁丽日化有限公司", "consumerGoods", "上海", "medium", "prompt"],
  ["江苏天禾酒业有限公司", "consumerGoods", "南京", "small", "chronic"],
  ["上海香满园食品有限公司", "consumerGoods", "上海", "small", "prompt"],
  ["上海汇金广场商业管理有限公司", "mall", "上海", "large", "dispute"],
  ["苏州时代汇商业管理有限公司", "mall", "苏州", "medium", "slow"],
  ["上海浦江荟购物中心管理有限公司", "mall", "上海", "medium", "prompt"],
  ["杭州运河汇商业管理有限公司", "mall", "杭州", "medium", "slow"],
  ["无锡梁溪荟购物中心有限公司", "mall", "无锡", "small", "slow"],
  ["中国工商银行股份有限公司上海市静安支行", "bank", "上海", "large", "prepayRetainer", {
    address: "上海市静安区南京西路1038号",
  }],
  ["上海浦东发展银行股份有限公司张江科技支行", "bank", "上海", "medium", "prompt", {
    address: "上海市浦东新区张江路665号",
  }],
  ["交通银行股份有限公司上海徐汇支行", "bank", "上海", "small", "slow", {
    address: "上海市徐汇区漕溪北路88号",
  }],
  ["上海农村商业银行股份有限公司闵行支行", "bank", "上海", "small", "prompt", {
    address: "上海市闵行区沪闵路6258号",
  }],
  ["江苏银行股份有限公司苏州分行", "bank", "苏州", "medium", "prompt"],
  ["上海朱家角古镇旅游发展有限公司", "tourism", "上海", "medium", "slow", {
    address: "上海市青浦区朱家角镇课植园路66号",
  }],
  ["苏州水乡文化旅游发展有限公司", "tourism", "苏州", "medium", "prompt"],
  ["杭州千岛湖山水旅游开发有限公司", "tourism", "杭州", "small", "chronic"],
  ["上海星空海洋主题乐园有限公司", "tourism", "上海", "large", "prompt"],
  ["湖州南浔古镇文旅发展有限公司", "tourism", "湖州", "small", "prompt", {
    firstMonthsAgo: 14,
    address: "浙江省湖州市南浔区南西街118号",
  }],
  ["上海外滩望江酒店管理有限公司", "tourism", "上海", "medium", "prompt", {
    address: "上海市黄浦区中山东二路558号",
  }],
  ["杭州湖畔花园酒店有限公司", "tourism", "杭州", "small", "slow"],
  ["上海美家居装饰工程有限公司", "retail", "上海", "small", "slow"],
  ["苏州欧雅家具有限公司", "retail", "苏州", "small", "slow"],
  ["上海力动健身管理有限公司", "retail", "上海", "small", "chronic", { lastMonthsAgo: 13 }],
  ["上海益寿堂大药房连锁有限公司", "retail", "上海", "medium", "prompt"],
  ["上海贝乐母婴用品有限公司", "retail", "上海", "small", "prompt"],
  ["上海花嫁婚纱摄影有限公司", "retail", "上海", "small", "slow"],
  ["上海明视眼镜连锁有限公司", "retail", "上海", "small", "prompt"],
  ["上海金福珠宝首饰有限公司", "retail", "上海", "medium", "prompt"],
  ["上海云帆网络科技有限公司", "internet", "上海", "medium", "prompt"],
  ["杭州优品电子商务有限公司", "internet", "杭州", "small", "chronic"],
];

export const DEMO_CLIENTS: readonly ClientSpec[] = CLIENT_ROWS.map(
  ([name, industry, city, size, habit, more]) => ({ name, industry, city, size, habit, ...more }),
);

/** Street addresses per city; a door number is drawn for each client. */
export const STREETS: Record<City, readonly string[]> = {
  上海: [
    "上海市徐汇区虹桥路",
    "上海市静安区南京西路",
    "上海市浦东新区张杨路",
    "上海市浦东新区世纪大道",
    "上海市长宁区天山路",
    "上海市闵行区七莘路",
    "上海市黄浦区西藏中路",
    "上海市杨浦区淞沪路",
    "上海市普陀区长寿路",
    "上海市宝山区牡丹江路",
    "上海市嘉定区城中路",
    "上海市松江区中山中路",
    "上海市虹口区四川北路",
  ],
  苏州: [
    "江苏省苏州市工业园区星海街",
    "江苏省苏州市姑苏区人民路",
    "江苏省苏州市吴中区东吴北路",
    "江苏省苏州市高新区狮山路",
  ],
  杭州: [
    "浙江省杭州市西湖区文三路",
    "浙江省杭州市上城区解放路",
    "浙江省杭州市滨江区江南大道",
    "浙江省杭州市拱墅区莫干山路",
  ],
  无锡: ["江苏省无锡市梁溪区中山路", "江苏省无锡市滨湖区蠡湖大道"],
  南京: ["江苏省南京市秦淮区中山南路", "江苏省南京市鼓楼区中山北路", "江苏省南京市建邺区江东中路"],
  嘉兴: ["浙江省嘉兴市南湖区中山东路", "浙江省嘉兴市秀洲区洪兴路"],
  宁波: ["浙江省宁波市鄞州区天童南路", "浙江省宁波市海曙区中山西路"],
  湖州: ["浙江省湖州市吴兴区人民路"],
};

/** Well-known outdoor spots per city, for outdoor contract titles. */
export const OUTDOOR_SPOTS: Record<City, readonly string[]> = {
  上海: [
    "徐家汇商圈",
    "南京西路商圈",
    "陆家嘴",
    "五角场",
    "人民广场",
    "虹桥枢纽",
    "静安寺",
    "七宝",
    "中山公园",
    "莘庄",
  ],
  苏州: ["观前街", "金鸡湖商圈", "苏州火车站"],
  杭州: ["武林广场", "湖滨商圈", "钱江新城", "杭州东站"],
  无锡: ["三阳广场", "崇安寺"],
  南京: ["新街口", "夫子庙"],
  嘉兴: ["南湖商圈", "嘉兴南站"],
  宁波: ["天一广场", "宁波南站"],
  湖州: ["爱山广场"],
};

export const OUTDOOR_MEDIA = [
  "户外大牌",
  "LED大屏",
  "地铁灯箱",
  "公交候车亭广告",
  "楼宇电梯框架广告",
] as const;

export const PRINT_TITLES = [
  "《新民晚报》半版广告刊登",
  "《解放日报》整版形象广告",
  "宣传折页设计印刷（5万份）",
  "DM单页印刷及派发",
  "机场杂志内页广告（2期）",
  "社区海报张贴（1个月）",
  "产品手册印刷（2万册）",
  "高铁杂志跨页广告",
] as const;

export const NEW_MEDIA_TITLES = [
  "新品上市小红书达人推广",
  "抖音本地生活推广（3个月）",
  "微信公众号代运营（6个月）",
  "视频号直播策划执行",
  "大众点评店铺推广",
  "朋友圈广告投放",
  "微博话题营销",
  "短视频拍摄制作（10条）",
] as const;

export const DESIGN_TITLES = [
  "品牌VI视觉设计",
  "门店形象升级设计",
  "企业宣传画册设计",
  "产品包装设计",
  "展厅导视系统设计制作",
  "年度主视觉海报设计（12张）",
  "企业宣传片脚本及分镜设计",
  "官网视觉改版设计",
] as const;

export const EVENT_TITLES = [
  "周年庆典活动策划执行",
  "客户答谢会策划执行",
  "门店开业活动策划",
  "亲子嘉年华活动执行",
  "品牌快闪店搭建及运营",
  "行业论坛会务执行",
] as const;

/** Event titles an industry uses more than the generic ones. */
export const INDUSTRY_EVENT_TITLES: Partial<Record<Industry, readonly string[]>> = {
  realEstate: ["示范区开放活动策划执行", "新品开盘活动策划执行"],
  auto: ["新车上市发布会", "周末试驾会活动执行"],
  bank: ["理财客户答谢会策划执行", "网点开业活动策划"],
  mall: ["商场周年庆美陈及活动执行", "暑期亲子嘉年华活动执行"],
  tourism: ["景区夜游灯光节活动策划", "文旅节开幕式策划执行"],
};

/** Seasonal event titles by calendar month (1–12), used when a contract is signed then. */
export const SEASONAL_EVENT_TITLES: Partial<Record<number, string>> = {
  1: "年会活动策划执行",
  9: "中秋客户答谢会策划执行",
  11: "年会活动策划执行",
  12: "年会活动策划执行",
};

export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
  "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "沈", "顾",
  "陆", "钱", "汪", "蒋", "蔡", "叶",
] as const;

export const GIVEN_NAMES = [
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
  "超", "秀英", "霞", "平", "刚", "建华", "志强", "晓东", "海燕", "文杰", "雪梅", "佳怡", "俊", "婷",
  "浩然", "晨", "怡", "雨婷", "建国", "卫东", "振华", "立新", "国强", "美玲", "慧", "颖", "琳",
  "斌", "凯", "鹏", "宇", "欣怡", "思远", "嘉伟",
] as const;

/** Client notes per payment habit, such as why the client pays late. */
export const HABIT_NOTES: Record<PaymentHabit, readonly string[]> = {
  prompt: ["", "", "付款及时，可列为优质客户", "按合同约定付款，配合度高"],
  slow: ["月底集中付款，需提前一周提醒", "付款审批流程较长，需跟进对方财务", "对接人更换后付款节奏变慢"],
  chronic: [
    "多次承诺付款未兑现，建议上门催收",
    "客户称资金紧张，分批付款",
    "长期拖欠，新业务需先款后做",
  ],
  dispute: [],
  prepayRetainer: ["签订年度框架协议，按季度预付广告费"],
  prepayOverpay: ["习惯按整数付款，多付部分转预收款抵扣下期"],
  prepayDeposit: ["新项目签约前先付定金"],
};
