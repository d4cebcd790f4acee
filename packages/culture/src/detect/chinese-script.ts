// Simplified ↔ Traditional pairs of everyday characters (orders, shipping, payment, chat).
// Only pairs whose two forms differ are kept; characters shared by both scripts say nothing.
const PAIRS =
  '这這 个個 们們 说說 国國 时時 会會 来來 对對 发發 货貨 单單 订訂 还還 没沒 吗嗎 给給 请請 问問 题題 ' +
  '运運 费費 钱錢 长長 开開 关關 门門 见見 车車 东東 买買 卖賣 电電 话話 号號 码碼 认認 识識 让讓 为為 ' +
  '么麼 边邊 过過 进進 远遠 连連 选選 达達 递遞 邮郵 币幣 价價 质質 颜顏 样樣 袜襪 换換 账賬 户戶 网網 ' +
  '络絡 线線 红紅 绿綠 蓝藍 黄黃 纸紙 书書 图圖 画畫 应應 该該 经經 验驗 证證 错錯 误誤 务務 处處 结結 ' +
  '际際 数數 据據 报報 杂雜 头頭 现現 场場 装裝 饰飾 设設 计計 划劃 产產 业業 层層 楼樓 气氣 汇匯 试試 ' +
  '观觀 点點 读讀 写寫 听聽 讲講 语語 词詞 转轉 输輸 显顯 标標 签簽 权權 义義 规規 则則 条條 紧緊 惊驚 ' +
  '险險 馈饋 补補 损損 坏壞 难難 几幾 岁歲 里裡 后後 帮幫 谢謝 状狀 态態 联聯 广廣 实實 动動 习習 惯慣 ' +
  '厂廠 卫衛 华華 亚亞 欧歐 韩韓 钟鐘 两兩 万萬 亿億 块塊 无無 从從 众眾 优優 资資 讯訊 税稅 缴繳 纳納 ' +
  '寻尋 丢丟 坏壞 损損 赔賠 偿償 确確 认認 页頁 载載 际際 币幣 汇匯 额額 续續 务務 员員 顾顧 客客 ' +
  '诉訴 讨討 论論 帐帳 复復 杂雜 还還 给給 将將 与與 时時 间間 记記 录錄 邮郵 寄寄 宝寶 贝貝 码碼';

const SIMPLIFIED = new Set<string>();
const TRADITIONAL = new Set<string>();
for (const pair of PAIRS.split(' ')) {
  const [simplified, traditional] = [...pair];
  if (simplified && traditional && simplified !== traditional) {
    SIMPLIFIED.add(simplified);
    TRADITIONAL.add(traditional);
  }
}

/**
 * Tells Simplified from Traditional Chinese by counting characters that exist in only one of
 * the two scripts. Returns undefined when the text has none (e.g. 你好: same in both).
 */
export function chineseScript(text: string): 'zh-Hans' | 'zh-Hant' | undefined {
  let simplified = 0;
  let traditional = 0;
  for (const char of text) {
    if (SIMPLIFIED.has(char)) simplified += 1;
    else if (TRADITIONAL.has(char)) traditional += 1;
  }
  if (simplified === traditional) return undefined;
  return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
}
