#!/usr/bin/env python3
"""Authoring source of the two demo county catalogs (340121 长丰县, 230881 同江市).

Writes offline-store/src/main/resources/org/onetrip/store/catalog/bundles/catalog-<county>.json (one item per line).
Items are written by us from the shape of real 实施清单 entries; every township and village of the county gets its own
implementation (its own 实施编码) of the township- and village-level items. Re-sign after running:
  tools/demo-authority/sign-bundles.sh
"""
import csv, json, hashlib, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REGIONS = os.path.join(ROOT, "offline-store/src/main/resources/org/onetrip/store/region/data")
OUT = os.path.join(ROOT, "offline-store/src/main/resources/org/onetrip/store/catalog/bundles")

# material helpers: (name, required, format, copies, source, waiver, trust)
def M(name, waiver="NONE", trust=None, required=True, fmt="PAPER", copies=1, source="申请人自备"):
    m = {"name": name, "required": required, "format": fmt, "copies": copies, "source": source, "waiver": waiver}
    if trust: m["trust"] = trust
    return m
ID = M("居民身份证", "SHARED_DATA", source="公安部门共享")
HUKOU = M("户口簿", "E_LICENCE", source="公安部门（电子证照）")
BANK = M("本人社会保障卡或银行账户", "ON_FILE", source="前序业务已收取")
PHOTO = M("本人近期免冠照片", "NONE", trust="C", fmt="ELECTRONIC", source="申请人自备（终端可现场拍摄）")
INCOME = M("家庭收入、财产情况声明", "COMMITMENT", trust="D", source="申请人书面承诺")
MARRY = M("结婚证", "E_LICENCE", source="民政部门（电子证照）")
DISAB = M("中华人民共和国残疾人证", "E_LICENCE", source="残联（电子证照）")
LAND = M("农村土地承包经营权证", "SHARED_DATA", source="农业农村部门共享")

BASE_FIELDS = [
    {"key": "name", "label": "申请人姓名", "prefill": "card.name"},
    {"key": "idNumber", "label": "公民身份号码", "prefill": "card.idNumber"},
    {"key": "address", "label": "居住地址", "prefill": "card.address"},
    {"key": "phone", "label": "联系电话", "input": "digits"},
]
def F(key, label, input="text", required=True, choices=None):
    f = {"key": key, "label": label, "input": input}
    if not required: f["required"] = False
    if choices: f["choices"] = choices; f["input"] = "choice"
    return f
F_BANK = F("bank", "社会保障卡金融账号后4位", "digits", required=False)

ALL_DELIVERY = ["VILLAGE_POINT", "WINDOW", "EXPRESS"]
# template: dict(level, dept (format with county/township/village names), name, catalog, type, promise, legal,
#               visits, terminal, fee, project, depth, themes, hf, cond, flow, materials, fields, delivery, keep)
T = []
def item(level, dept, name, catalog, type, promise, legal, visits, themes, materials, cond, flow,
         hf=False, terminal=True, fee=False, fields=(), delivery=ALL_DELIVERY, depth=(1, 2, 3, 4), project="承诺件",
         where=None, task=None):
    T.append(dict(level=level, dept=dept, name=name, catalog=catalog, type=type, promise=promise, legal=legal,
                  visits=visits, themes=themes, materials=materials, cond=cond, flow=flow, hf=hf, terminal=terminal,
                  fee=fee, fields=list(fields), delivery=delivery, depth=list(depth), project=project, where=where,
                  task=task))

STD_FLOW = "申请—受理—审核—办结—送达"
# ---- province ----
item("P", "{province}医疗保障局", "异地就医备案", "000205004000", "20", 1, 5, 0, ["就医", "养老"],
     [ID, M("异地居住或工作证明", "COMMITMENT", "D", source="申请人书面承诺")],
     "参加本省基本医疗保险、需要到省外长期居住或临时外出就医的参保人员", "网上或终端提交—即时审核—备案生效",
     hf=True, project="即办件", fields=[F("city", "就医地（省、市）"), F("reason", "备案类型", choices=["异地长期居住", "转诊转院", "临时外出就医"])],
     delivery=["ONLINE"], depth=(1, 2, 3, 4, 5, 6))
item("P", "{province}人力资源和社会保障厅", "社会保障卡挂失", "000220004000", "20", 0, 0, 0, ["养老", "就医"],
     [ID], "持有本省社会保障卡的参保人员", "终端或电话12333申请—即时挂失", hf=True, project="即办件", delivery=["ONLINE"],
     depth=(1, 2, 3, 4, 5, 6))
item("P", "{province}人力资源和社会保障厅", "个人权益记录查询打印（养老保险缴费）", "000220008000", "20", 0, 0, 0, ["养老", "就业"],
     [ID], "参加社会保险的人员", "刷身份证—查询—打印", project="即办件", delivery=["ONLINE"], depth=(1, 2, 3, 4, 5, 6))
item("P", "{province}退役军人事务厅", "退役军人优待证申领", "000231011000", "20", 20, 30, 0, ["证件"],
     [ID, PHOTO, M("退役证件", "SHARED_DATA", source="退役军人事务部门共享")],
     "已退出现役、户籍在本省的退役军人", "申请—县级初审—省级制证—邮寄或代办点领取")
# ---- city ----
item("C", "{city}人力资源和社会保障局", "社会保障卡申领", "000220003000", "20", 10, 20, 0, ["养老", "就医", "证件"],
     [ID, PHOTO], "本市参保人员，未持有社会保障卡或卡已注销", "申请—采集照片—制卡—寄送或代办点领取", hf=True)
item("C", "{city}人力资源和社会保障局", "社会保障卡补换", "000220005000", "20", 10, 20, 0, ["养老", "就医", "证件"],
     [ID, PHOTO], "社会保障卡遗失、损坏或信息变更的持卡人", "挂失—申请补换—制卡—领取", fee=True)
item("C", "{city}自然资源和规划局", "不动产登记信息查询", "000710023000", "20", 0, 1, 0, ["建房"],
     [ID], "权利人查询本人名下不动产登记信息", "刷身份证—查询—打印查询结果", project="即办件", delivery=["ONLINE", "WINDOW"],
     depth=(1, 2, 3, 4, 5, 6))
item("C", "{city}人力资源和社会保障局", "失业保险金申领", "000205006000", "05", 10, 20, 0, ["就业", "救助"],
     [ID, M("解除或终止劳动关系证明", "SHARED_DATA", source="人社部门共享（用人单位备案）"), BANK],
     "非因本人意愿中断就业、已办理失业登记并有求职要求，失业前缴纳失业保险费满1年",
     "申请—审核—核定待遇—按月发放", fields=[F_BANK])
item("C", "{city}人力资源和社会保障局", "职业技能培训补贴申领", "000205009000", "05", 20, 30, 0, ["就业", "务农"],
     [ID, M("职业资格证书或职业技能等级证书", "E_LICENCE", source="人社部门（电子证照）"), BANK],
     "参加政府补贴性职业技能培训并取得证书的城乡劳动者", STD_FLOW, fields=[F_BANK])
# ---- county ----
RS, YB, MZ, WJ, GA, NY, ZJ, SC, JY, CL, SF = ("{county}人力资源和社会保障局", "{county}医疗保障局", "{county}民政局",
    "{county}卫生健康委员会", "{county}公安局", "{county}农业农村局", "{county}住房和城乡建设局", "{county}市场监督管理局",
    "{county}教育体育局", "{county}残疾人联合会", "{county}司法局")
item("X", RS, "城乡居民基本养老保险参保登记", "000205001000", "20", 5, 15, 0, ["养老"], [ID, HUKOU],
     "年满16周岁（不含在校学生）、非国家机关和事业单位工作人员、不属于职工基本养老保险覆盖范围的城乡居民",
     "申请—受理—登记—告知缴费", hf=True)
item("X", RS, "城乡居民基本养老保险待遇领取", "000205002000", "20", 10, 20, 0, ["养老"], [ID, HUKOU, BANK],
     "年满60周岁、累计缴费满15年的城乡居民", "申请—审核—核定待遇—次月起按月发放", hf=True, fields=[F_BANK],
     task="113401210034512345205002001")
item("X", RS, "城乡居民养老保险关系转移接续", "000205003000", "20", 15, 45, 0, ["养老"], [ID, HUKOU],
     "跨统筹地区转移户籍的城乡居民养老保险参保人员", "转入地申请—转出地核对—转移资金—记录接续")
item("X", RS, "城乡居民养老保险丧葬补助金、个人账户余额继承", "000205011000", "05", 10, 20, 1, ["身后事", "养老"],
     [ID, M("参保人死亡证明", "SHARED_DATA", source="公安、卫健部门共享"), M("继承人与参保人关系证明", "NONE", "B", source="申请人自备，窗口核验原件")],
     "城乡居民养老保险参保人死亡，其法定继承人或指定受益人",
     "申请—到乡镇劳动保障所核验亲属关系原件一次—审核—发放", fields=[F("heir", "继承人姓名"), F_BANK])
item("X", RS, "就业失业登记", "000220006000", "20", 1, 5, 0, ["就业"], [ID, HUKOU],
     "法定劳动年龄内、有劳动能力和就业要求的城乡劳动者", "申请—登记—发放就业创业证（电子）", hf=True, project="即办件",
     fields=[F("kind", "登记类型", choices=["就业登记", "失业登记"])])
item("X", RS, "就业困难人员认定", "000207001000", "07", 15, 20, 0, ["就业", "救助"], [ID, INCOME],
     "已办理失业登记、属于大龄、残疾、低保家庭等就业困难情形的人员", STD_FLOW)
item("X", YB, "城乡居民基本医疗保险参保登记", "000205005000", "20", 5, 10, 0, ["就医", "生育", "上学"], [ID, HUKOU],
     "未参加职工基本医疗保险的本县户籍城乡居民及持居住证的常住人员", "申请—登记—告知缴费", hf=True,
     task="113401210034512345205001003")
item("X", YB, "城乡居民医保参保缴费", "000205012000", "20", 0, 0, 0, ["就医"], [ID],
     "已参加城乡居民基本医疗保险的人员，在集中缴费期内缴纳下一年度保费", "刷身份证—核对应缴金额—扫码缴费—打印凭证",
     hf=True, fee=True, project="即办件", delivery=["ONLINE"], depth=(1, 2, 3, 4, 5, 6),
     fields=[F("year", "缴费年度", choices=["2026", "2027"])])
item("X", YB, "医疗费用手工（零星）报销", "000205013000", "05", 20, 30, 1, ["就医"],
     [ID, M("医疗费用票据原件", "NONE", "B", source="申请人自备，窗口核验原件"), M("费用明细清单、出院小结", "NONE", "C", fmt="BOTH"), BANK],
     "因急诊、异地就医等未能直接结算的参保人员", "提交材料—到县医保服务大厅交验票据原件一次—审核—打款", fields=[F_BANK], terminal=False,
     where="{county}政务服务中心医保窗口")
item("X", YB, "门诊慢特病待遇认定", "000207006000", "07", 20, 30, 0, ["就医", "养老"],
     [ID, M("二级以上医院诊断证明、病历", "NONE", "C", fmt="ELECTRONIC", source="申请人自备（可拍照上传）")],
     "患有规定门诊慢性病、特殊病种的参保人员", "申请—专家评审—认定—享受待遇",
     fields=[F("disease", "病种名称")])
item("X", YB, "医疗救助申请", "000205014000", "05", 15, 30, 0, ["救助", "就医"], [ID, INCOME],
     "低保对象、特困人员、低收入家庭成员等发生高额医疗费用的人员", STD_FLOW, fields=[F_BANK])
item("X", MZ, "老年人优待证办理", "000220011000", "20", 10, 15, 0, ["养老", "证件"], [ID, PHOTO],
     "年满60周岁的本县户籍老年人及常住老年人", "申请—审核—制证—代办点领取", hf=True)
item("X", MZ, "婚姻登记预约", "000207002000", "07", 0, 0, 1, ["婚姻"],
     [ID, HUKOU, M("本人近期半身免冠合影照片", "NONE", "A", copies=3, source="申请人自备（婚姻登记处可现场拍照）")],
     "达到法定婚龄、双方自愿的男女（预约后双方须亲自到婚姻登记处办理）",
     "终端预约日期—双方持证件到婚姻登记处—当场颁证", hf=True, project="即办件", delivery=["WINDOW"],
     fields=[F("kind", "登记类型", choices=["结婚登记", "离婚登记", "补领婚姻登记证"]), F("date", "预约日期（如2026-12-08）")],
     where="{county}民政局婚姻登记处")
item("X", MZ, "惠民殡葬补助申领", "000205015000", "05", 10, 20, 0, ["身后事", "救助"],
     [ID, M("逝者火化证明", "SHARED_DATA", source="殡仪馆共享"), M("逝者死亡证明", "SHARED_DATA", source="公安、卫健部门共享"), BANK],
     "本县户籍居民去世后在本县殡仪馆火化的，其家属", "申请—审核—补助发放到家属账户", hf=True,
     fields=[F("deceased", "逝者姓名"), F("relation", "与逝者关系", choices=["配偶", "子女", "父母", "其他亲属"]), F_BANK])
item("X", WJ, "生育登记", "000207003000", "07", 1, 5, 0, ["生育"], [ID, MARRY, HUKOU],
     "生育子女的夫妻（不限孩次）", "终端或网上申请—即时登记—生成《生育服务登记》电子凭证", hf=True, project="即办件",
     delivery=["ONLINE", "VILLAGE_POINT"], fields=[F("child", "本次登记为第几个孩子", choices=["一孩", "二孩", "三孩及以上"])])
item("X", WJ, "农村部分计划生育家庭奖励扶助", "000205016000", "05", 30, 60, 0, ["养老", "生育"],
     [ID, HUKOU, M("独生子女父母光荣证或相关证明", "ON_FILE", source="前序已收取（卫健部门存档）"), BANK],
     "农业户籍、只有一个子女或两个女孩、年满60周岁的夫妻", "村级初审—乡镇审核—县级审批—按年发放", fields=[F_BANK])
item("X", GA, "居民身份证换领预约", "000207004000", "07", 0, 0, 1, ["证件"],
     [M("原居民身份证", "NONE", "A", source="申请人自备"), HUKOU],
     "居民身份证有效期满前三个月或证件损坏、信息变更的公民（须本人到派出所采集照片、指纹）",
     "终端预约—按预约时间到户籍派出所采集—制证—邮寄或代办点领取", hf=True, project="即办件", fee=True,
     fields=[F("date", "预约日期（如2026-12-08）")], where="户籍所在地派出所户籍窗口")
item("X", GA, "出生登记（新生儿落户）", "000207005000", "07", 1, 5, 1, ["生育"],
     [M("出生医学证明", "E_LICENCE", source="卫健部门（电子证照）"), HUKOU, MARRY],
     "本县户籍父母的新生儿", "网上预审—到派出所户籍窗口一次—当场落户", where="户籍所在地派出所户籍窗口",
     fields=[F("baby", "新生儿姓名")])
item("X", GA, "居民死亡户口注销", "000207007000", "07", 1, 5, 0, ["身后事"],
     [M("居民死亡医学证明", "SHARED_DATA", source="卫健部门共享"), HUKOU], "本县户籍居民死亡，其亲属或村（居）委会",
     "申请—核对—注销户口", project="即办件", fields=[F("deceased", "逝者姓名")])
item("X", NY, "农机购置与应用补贴申请", "000205017000", "05", 30, 60, 0, ["务农"],
     [ID, M("购机发票", "SHARED_DATA", source="税务电子发票共享"), BANK], "购买补贴范围内农机具的农户、农业生产经营组织",
     "申请—核验机具—公示—兑付", fields=[F("machine", "机具名称"), F_BANK])
item("X", NY, "农村土地承包经营权变更登记", "000207008000", "07", 20, 30, 2, ["务农"],
     [ID, LAND, M("变更原因证明（分户、互换、转让协议）", "NONE", "B", source="申请人自备，窗口核验原件")],
     "因分户、互换、转让等原因需变更承包经营权的农户", "村级受理—乡镇审核—到县政务服务中心交验原件—登记—再到窗口领取证书",
     where="{county}政务服务中心农业农村窗口")
item("X", ZJ, "农村危房改造补助申请", "000205018000", "05", 30, 60, 0, ["建房", "救助"], [ID, HUKOU, INCOME],
     "住房鉴定为C级、D级危房的低保户、特困户、低收入家庭等", "农户申请—村级评议—乡镇审核—县级审批—开工补助")
item("X", SC, "个体工商户登记", "000201001000", "01", 1, 15, 0, ["就业", "务农"],
     [ID, M("经营场所使用证明", "COMMITMENT", "D", source="申请人书面承诺")], "有经营能力的公民",
     "网上或终端申请—审核—核发营业执照（纸质和电子）", hf=True, fields=[F("shop", "个体户名称"), F("scope", "经营范围")])
item("X", JY, "家庭经济困难学生资助申请", "000205019000", "05", 15, 30, 0, ["上学", "救助"], [ID, HUKOU, INCOME],
     "本县户籍、在校就读的家庭经济困难学生", "学生申请—学校评议—县资助中心审核—发放",
     fields=[F("student", "学生姓名"), F("school", "就读学校")])
item("X", JY, "义务教育入学登记", "000220012000", "20", 10, 20, 0, ["上学"], [ID, HUKOU,
     M("居住证明（房产证或租房合同）", "SHARED_DATA", source="不动产登记共享")], "适龄儿童少年",
     "家长网上或终端登记—审核—分配学位", fields=[F("child", "儿童姓名"), F("school", "意向学校", required=False)])
item("X", CL, "残疾人证办理", "000207009000", "07", 20, 30, 1, ["救助", "证件"],
     [ID, HUKOU, PHOTO], "符合残疾标准的本县户籍居民", "申请—到指定医院评残一次—审核—发证", where="县残联指定评残医院",
     fields=[F("kind", "残疾类别", choices=["视力", "听力", "言语", "肢体", "智力", "精神", "多重"])])
item("X", SF, "法律援助申请", "000220013000", "20", 7, 7, 0, ["救助"], [ID, INCOME,
     M("与案件有关的材料", "NONE", "C", fmt="ELECTRONIC", source="申请人自备（可拍照上传）")],
     "因经济困难没有委托代理人的公民", "申请—审查—指派律师", fields=[F("matter", "需要援助的事项")])
# ---- township (each township implements) ----
TS = "{township}人民政府"
item("T", TS, "最低生活保障申请", "000205007000", "05", 30, 30, 0, ["救助"], [ID, HUKOU, INCOME],
     "共同生活的家庭成员人均收入低于当地低保标准、家庭财产符合规定的本地户籍居民",
     "申请—入户调查—民主评议—乡镇审核—县民政局确认—按月发放", hf=True, fields=[F("members", "共同生活家庭人数", "digits"), F_BANK])
item("T", TS, "特困人员供养申请", "000205008000", "05", 30, 30, 0, ["救助", "养老"], [ID, HUKOU, INCOME],
     "无劳动能力、无生活来源、无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人、未成年人",
     "申请—调查核实—乡镇审核—县民政局确认", fields=[F("care", "供养方式", choices=["分散供养", "集中供养"]), F_BANK])
item("T", TS, "临时救助申请", "000205010000", "05", 10, 20, 0, ["救助"], [ID, INCOME],
     "因火灾、交通事故、突发重大疾病等导致基本生活陷入困境的家庭或个人", "申请—审核—发放（急难情形先行救助）",
     hf=True, fields=[F("reason", "遇到的困难（简要说明）"), F_BANK])
item("T", TS, "残疾人两项补贴申请", "000205020000", "05", 20, 30, 0, ["救助"], [ID, DISAB, BANK],
     "困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一、二级的残疾人", "申请—乡镇审核—县级审定—按月发放",
     hf=True, fields=[F("kind", "申请补贴", choices=["困难残疾人生活补贴", "重度残疾人护理补贴", "两项都申请"]), F_BANK])
item("T", TS, "高龄津贴申请", "000705005000", "05", 20, 30, 0, ["养老"], [ID, HUKOU, BANK],
     "80周岁及以上具有本县户籍的老年人", "申请—乡镇审核—县民政局审批—按月发放", hf=True, fields=[F_BANK])
item("T", TS, "耕地地力保护补贴申报", "000205021000", "05", 30, 60, 0, ["务农"], [ID, LAND, BANK],
     "拥有耕地承包权的种地农民，且耕地用于农业生产", "村级统计申报—乡镇审核公示—县级汇总—一卡通发放", hf=True,
     fields=[F("area", "承包耕地面积（亩）", "digits"), F_BANK])
item("T", TS, "农村宅基地和村民建房审批", "000201002000", "01", 20, 20, 1, ["建房"],
     [ID, HUKOU, M("农村宅基地和建房（规划许可）申请表", "NONE", "C", source="申请人填写（终端可生成）"),
      M("村民小组会议记录和村级审查意见", "ON_FILE", source="村级受理时已收取")],
     "本集体经济组织成员、符合一户一宅和分户条件的农户", "村级受理—乡镇联审—批准后到乡镇现场确认放线一次—竣工验收",
     hf=True, where="{township}便民服务中心", fields=[F("area", "拟建房占地面积（平方米）", "digits")])
item("T", TS, "困难群众基本生活救助资格年审", "000207010000", "07", 15, 30, 0, ["救助"], [ID, INCOME],
     "已享受低保、特困供养待遇的家庭", "代办点提交—乡镇复核—结果告知", terminal=False)
# ---- village (each village implements) ----
VL = "{village}"
item("V", VL, "农村宅基地和村民建房申请受理（村级审查）", "000201003000", "20", 5, 10, 0, ["建房"],
     [ID, HUKOU, M("建房申请书", "COMMITMENT", "D", source="申请人书面承诺")], "本村集体经济组织成员",
     "向村委会提出申请—村民小组会议讨论—村级审查公示—报乡镇", hf=True, fields=[F("plot", "拟建房位置（组、地块）")])
item("V", VL, "困难群众救助代办（低保、特困、临时救助）", "000220014000", "20", 3, 5, 0, ["救助"], [ID, INCOME],
     "本村需要申请社会救助的困难群众（由村代办员全程代办）", "村代办员受理—协助入户调查—报乡镇", hf=True,
     fields=[F("kind", "需要的救助", choices=["最低生活保障", "特困人员供养", "临时救助"])])
item("V", VL, "农村土地承包经营权流转备案（村级受理）", "000220015000", "20", 5, 10, 0, ["务农"],
     [ID, LAND, M("土地流转合同", "NONE", "C", fmt="ELECTRONIC", source="申请人自备（可拍照上传）")],
     "流转土地承包经营权的本村农户", "村级受理—报乡镇农经站备案")
item("V", VL, "城乡居民养老、医保缴费代办", "000220016000", "20", 0, 0, 0, ["养老", "就医"], [ID],
     "本村城乡居民（行动不便者可由村代办员上门代办）", "刷身份证—确认缴费档次—扫码缴费—打印凭证", project="即办件",
     fee=True, fields=[F("kind", "缴费险种", choices=["城乡居民养老保险", "城乡居民医疗保险"])])

def read(name):
    with open(os.path.join(REGIONS, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))

def digits(text, n):
    return str(int(hashlib.sha256(text.encode()).hexdigest(), 16))[:n]

def build(county):
    area = next(a for a in read("areas.csv") if a["code"] == county)
    city = next(c for c in read("cities.csv") if c["code"] == area["cityCode"])
    prov = next(p for p in read("provinces.csv") if p["code"] == area["provinceCode"])
    streets = read(f"streets-{county}.csv")
    villages = read(f"villages-{county}.csv")
    names = dict(province=prov["name"], city=city["name"], county=area["name"])
    items = []
    def emit(t, region, deptname, seq):
        cat = t["catalog"]
        code = t["task"] if (t["task"] and county == "340121") else (
            "11" + region[:6] + digits(deptname, 10) + cat[3:9] + f"{seq:03d}")
        it = {"taskCode": code, "catalogCode": cat, "name": t["name"], "itemType": t["type"],
              "department": deptname, "regionCode": region, "version": 1, "projectType": t["project"],
              "promiseDays": t["promise"], "legalDays": t["legal"], "visits": t["visits"], "fee": t["fee"],
              "acceptConditions": t["cond"], "handleFlow": t["flow"], "onlineDepth": t["depth"],
              "terminal": t["terminal"], "deliveries": t["delivery"]}
        if t["where"]:
            it["visitPlace"] = t["where"].format(**names)
        it.update({"materials": t["materials"], "fields": BASE_FIELDS + t["fields"], "themes": t["themes"],
                   "highFrequency": t["hf"]})
        items.append(it)
    for t in T:
        if t["level"] == "P":
            emit(t, prov["code"] + "0" * 10, t["dept"].format(**names), 1)
        elif t["level"] == "C":
            emit(t, city["code"] + "0" * 8, t["dept"].format(**names), 1)
        elif t["level"] == "X":
            emit(t, county + "0" * 6, t["dept"].format(**names), 1)
    for s in streets:
        for t in [t for t in T if t["level"] == "T"]:
            n = dict(names, township=s["name"])
            emit(dict(t, where=t["where"] and t["where"].replace("{township}", s["name"])), s["code"] + "000",
                 names["county"] + t["dept"].format(**n), int(s["code"][6:]) % 1000)
    for v in villages:
        for t in [t for t in T if t["level"] == "V"]:
            emit(t, v["code"], v["name"].replace("居民委员会", "社区居委会"), int(v["code"][9:]))
    codes = [i["taskCode"] for i in items]
    assert len(codes) == len(set(codes)), "duplicate task codes"
    return {"format": "onetrip-catalog/1", "county": county, "version": f"{county}-2026.11.1",
            "issuer": f"{names['county']}数据资源管理局（演示）", "issuedAt": "2026-11-20T08:00:00Z",
            "divisionEdition": "2023"}, items

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for county in ("340121", "230881"):
        head, items = build(county)
        path = os.path.join(OUT, f"catalog-{county}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("{\n")
            for k, v in head.items():
                f.write(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n")
            f.write(' "items": [\n')
            f.write(",\n".join("  " + json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items))
            f.write("\n ]\n}\n")
        print(path, len(items), "items,", os.path.getsize(path), "bytes")
