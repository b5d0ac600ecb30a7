import type { Random } from "../../db/seed/demo-random";

/**
 * Word lists the generator draws names, titles and addresses from. Client
 * names are enumerated, not drawn, so 36,000 distinct names exist before
 * any repeats.
 */

export const CITIES = [
  "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "重庆", "武汉",
  "西安", "天津", "长沙", "郑州", "青岛", "宁波", "厦门", "合肥", "济南", "福州",
  "无锡", "东莞", "佛山", "昆明", "沈阳", "大连", "南昌", "贵阳", "南宁", "石家庄",
] as const;

const NAME_WORDS = [
  "恒达", "华信", "远航", "金桥", "新锐", "博远", "瑞丰", "启明", "宏图", "鼎盛",
  "嘉禾", "天润", "汇通", "盛世", "锦程", "万象", "智联", "优品", "悦享", "乐家",
  "海纳", "云帆", "星辰", "青松", "银河", "东方", "南山", "北辰", "中和", "泰和",
  "永安", "安康", "富源", "隆昌", "兴业", "广源", "正大", "德胜", "明日", "晨光",
  "春晖", "秋实", "润泽", "和美", "聚力", "创想", "卓越", "领航", "精诚", "同心",
  "诚信", "立德", "致远", "开元", "天成", "众合", "协力", "新纪元", "凯旋", "光华",
] as const;

const INDUSTRIES = [
  "食品", "汽车销售", "置业", "教育科技", "医疗美容", "餐饮管理", "商业管理", "文化旅游", "电子商务", "服饰",
  "家居", "饮品", "健身", "酒店管理", "物业", "网络科技", "生物科技", "连锁超市", "珠宝", "母婴用品",
] as const;

/** A distinct client name for every index below 36,000. */
export function clientName(index: number): string {
  const city = CITIES[index % CITIES.length]!;
  const word = NAME_WORDS[Math.floor(index / CITIES.length) % NAME_WORDS.length]!;
  const industryIndex = Math.floor(index / (CITIES.length * NAME_WORDS.length));
  const industry = INDUSTRIES[industryIndex % INDUSTRIES.length]!;
  const round = Math.floor(industryIndex / INDUSTRIES.length);
  const suffix = round === 0 ? "" : `（${round + 1}）`;
  return `${city}${word}${industry}有限公司${suffix}`;
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"];
const GIVEN_NAMES = [
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧",
  "建国", "晓峰", "雪梅", "志强", "海燕", "文博", "子涵", "浩然", "雨欣", "俊杰",
];

/** A distinct person name for every index below 600. */
export function personName(index: number): string {
  const surname = SURNAMES[index % SURNAMES.length]!;
  const given = GIVEN_NAMES[Math.floor(index / SURNAMES.length) % GIVEN_NAMES.length]!;
  return `${surname}${given}`;
}

export function phoneNumber(random: Random): string {
  return `1${random.pick(["3", "5", "8"])}${random.digits(9)}`;
}

const DISTRICTS = ["中心区", "高新区", "经开区", "滨江区", "新城区", "老城区"];
const ROADS = ["人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "黄河路", "世纪大道", "科技路", "文化路"];

export function address(random: Random, city: string): string {
  return `${city}市${random.pick(DISTRICTS)}${random.pick(ROADS)}${random.int(1, 999)}号`;
}

/** Contract titles per business type, in the order of the migration's business_type rows. */
export const TITLES: readonly (readonly string[])[] = [
  ["地铁站灯箱投放", "高速公路大牌投放", "商圈LED大屏投放", "公交车身广告", "机场通道灯箱", "社区电梯海报"],
  ["报纸整版广告", "杂志彩页广告", "DM单页印制投放", "行业年鉴广告", "楼宇框架平面"],
  ["短视频信息流投放", "公众号推广", "直播带货合作", "达人种草推广", "搜索引擎推广", "小程序推广"],
  ["品牌VI设计", "包装设计", "宣传画册设计制作", "展台设计制作", "门头招牌制作"],
  ["新品发布会", "商场路演活动", "年会策划执行", "开业庆典", "展会策划执行"],
];

export const PAYMENT_METHODS = ["银行转账", "承兑汇票", "微信", "支付宝", "现金"] as const;
export const PAYMENT_METHOD_WEIGHTS = [85, 7, 3, 3, 2];

/** Operating cost categories of the migration, with each one's share of rows and typical amount in yuan. */
export const COST_CATEGORIES = [
  { id: 1, weight: 4, medianYuan: 60_000 },
  { id: 2, weight: 30, medianYuan: 12_000 },
  { id: 3, weight: 25, medianYuan: 40_000 },
  { id: 4, weight: 15, medianYuan: 6_000 },
  { id: 5, weight: 12, medianYuan: 2_000 },
  { id: 6, weight: 6, medianYuan: 20_000 },
  { id: 7, weight: 8, medianYuan: 1_500 },
] as const;
