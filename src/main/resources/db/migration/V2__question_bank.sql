-- Seed question bank for the carbon emission management professional certification exam.
-- 10 single-choice, 10 multiple-choice, 10 true/false, 3 short-answer questions
-- covering syllabus modules 1-5 and both subjects (THEORY / PRACTICE).

-- ---------------------------------------------------------------------------
-- SINGLE_CHOICE
-- ---------------------------------------------------------------------------

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-001', 'SINGLE_CHOICE', 'THEORY', 1,
        '2020年9月，我国在第七十五届联合国大会一般性辩论上宣布：二氧化碳排放力争于（ ）年前达到峰值，努力争取（ ）年前实现碳中和。',
        '[{"label":"A","text":"2025；2050"},{"label":"B","text":"2030；2050"},{"label":"C","text":"2030；2060"},{"label":"D","text":"2035；2060"}]',
        'C',
        '我国“双碳”目标为2030年前碳达峰、2060年前碳中和。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-002', 'SINGLE_CHOICE', 'THEORY', 1,
        '《巴黎协定》提出的长期温控目标是：将全球平均气温较工业化前水平的升幅控制在（ ）以内，并努力将升幅限制在1.5℃以内。',
        '[{"label":"A","text":"1℃"},{"label":"B","text":"2℃"},{"label":"C","text":"3℃"},{"label":"D","text":"4℃"}]',
        'B',
        '《巴黎协定》目标为将升温控制在2℃以内，并努力限制在1.5℃以内。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-003', 'SINGLE_CHOICE', 'PRACTICE', 2,
        '某企业某年度外购电力10000 MWh，假设所用电网排放因子为0.5 tCO2/MWh，则该企业外购电力对应的二氧化碳间接排放量为（ ）。',
        '[{"label":"A","text":"50 tCO2"},{"label":"B","text":"500 tCO2"},{"label":"C","text":"2000 tCO2"},{"label":"D","text":"5000 tCO2"}]',
        'D',
        '排放量=活动数据×排放因子=10000 MWh×0.5 tCO2/MWh=5000 tCO2。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-004', 'SINGLE_CHOICE', 'PRACTICE', 4,
        '按照IPCC第五次评估报告（AR5），甲烷（CH4）在100年时间尺度下的全球增温潜势（GWP）为28。某企业某年逸散甲烷10 t，折合二氧化碳当量为（ ）。',
        '[{"label":"A","text":"280 tCO2e"},{"label":"B","text":"28 tCO2e"},{"label":"C","text":"10 tCO2e"},{"label":"D","text":"2800 tCO2e"}]',
        'A',
        '二氧化碳当量=气体质量×GWP=10 t×28=280 tCO2e。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-005', 'SINGLE_CHOICE', 'THEORY', 3,
        'ISO 50001能源管理体系标准所采用的持续改进运行模式是（ ）。',
        '[{"label":"A","text":"5S现场管理"},{"label":"B","text":"六西格玛DMAIC方法"},{"label":"C","text":"精益生产看板管理"},{"label":"D","text":"策划—实施—检查—改进（PDCA）循环"}]',
        'D',
        'ISO 50001基于PDCA（策划—实施—检查—改进）持续改进框架。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-006', 'SINGLE_CHOICE', 'PRACTICE', 3,
        '在ISO 50001能源管理体系中，“主要能源使用（SEU）”是指（ ）。',
        '[{"label":"A","text":"企业外购能源中单价最高的能源品种"},{"label":"B","text":"占能源消耗量较大和/或具有较大能源绩效改进潜力的能源使用"},{"label":"C","text":"仅指主生产工艺的能源使用，不含辅助和附属系统"},{"label":"D","text":"年综合能源消费量达到1万吨标准煤以上的用能单位"}]',
        'B',
        'SEU是在能源消耗中占有较大比例和/或具有较大能源绩效改进潜力的能源使用。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-007', 'SINGLE_CHOICE', 'THEORY', 4,
        'ISO 14067标准主要规范的是（ ）。',
        '[{"label":"A","text":"组织层面温室气体排放和清除的量化与报告"},{"label":"B","text":"温室气体声明的审定与核查"},{"label":"C","text":"产品碳足迹的量化要求和指南"},{"label":"D","text":"能源管理体系的要求"}]',
        'C',
        'ISO 14067针对产品碳足迹；组织层面量化为ISO 14064-1，审定与核查为ISO 14064-3，能源管理体系为ISO 50001。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-008', 'SINGLE_CHOICE', 'THEORY', 5,
        '全国碳排放权交易市场于2021年7月16日启动上线交易，首个被纳入全国碳市场的行业是（ ）。',
        '[{"label":"A","text":"发电行业"},{"label":"B","text":"钢铁行业"},{"label":"C","text":"水泥行业"},{"label":"D","text":"民航业"}]',
        'A',
        '全国碳市场以发电行业为突破口，首批纳入发电行业重点排放单位。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-009', 'SINGLE_CHOICE', 'PRACTICE', 5,
        '某重点排放单位某产品年产量为100万吨，该产品碳排放基准值为0.8 tCO2/t，各项调整系数均取1，则按基准法计算该产品对应的配额量为（ ）。',
        '[{"label":"A","text":"100万tCO2"},{"label":"B","text":"80万tCO2"},{"label":"C","text":"125万tCO2"},{"label":"D","text":"180万tCO2"}]',
        'B',
        '基准法配额量=产量×基准值×调整系数=100万t×0.8 tCO2/t×1=80万tCO2。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SC-010', 'SINGLE_CHOICE', 'THEORY', 1,
        '下列关于“碳中和”含义的表述，正确的是（ ）。',
        '[{"label":"A","text":"一定时期内人为活动直接和间接排放的二氧化碳，与通过植树造林、碳捕集利用与封存等方式移除的二氧化碳相互抵消，实现净零排放"},{"label":"B","text":"企业年度二氧化碳排放量不再增长"},{"label":"C","text":"完全停止使用化石能源，使二氧化碳排放量降为零"},{"label":"D","text":"通过购买配额使企业账面排放量低于行业基准值"}]',
        'A',
        '碳中和强调排放与移除相抵实现“净零”，并不要求排放绝对为零。',
        TRUE);

-- ---------------------------------------------------------------------------
-- MULTIPLE_CHOICE
-- ---------------------------------------------------------------------------

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-001', 'MULTIPLE_CHOICE', 'THEORY', 1,
        '实现碳达峰、碳中和目标的主要路径包括（ ）。',
        '[{"label":"A","text":"优化能源结构，大力发展非化石能源"},{"label":"B","text":"推动产业结构优化升级"},{"label":"C","text":"以大规模新建煤电作为主要减排路径"},{"label":"D","text":"提升能源利用效率，推进节能降碳"},{"label":"E","text":"巩固提升生态系统碳汇能力"}]',
        'A,B,D,E',
        '能源结构调整、产业结构升级、节能提效和增加碳汇是主要路径；大规模新建煤电不属于减排路径。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-002', 'MULTIPLE_CHOICE', 'THEORY', 1,
        '《京都议定书》确立的三种灵活履约机制包括（ ）。',
        '[{"label":"A","text":"国家自主贡献（NDC）"},{"label":"B","text":"国际排放贸易（IET）"},{"label":"C","text":"联合履约（JI）"},{"label":"D","text":"清洁发展机制（CDM）"}]',
        'B,C,D',
        '三种灵活机制为国际排放贸易、联合履约和清洁发展机制；国家自主贡献是《巴黎协定》下的安排。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-003', 'MULTIPLE_CHOICE', 'PRACTICE', 2,
        '企业温室气体排放核算中，下列排放属于范围一（直接排放）的有（ ）。',
        '[{"label":"A","text":"外购电力在发电环节产生的排放"},{"label":"B","text":"企业自有燃煤锅炉燃烧产生的排放"},{"label":"C","text":"厂内自有运输车辆燃油产生的排放"},{"label":"D","text":"员工乘坐民航航班商务出行产生的排放"},{"label":"E","text":"水泥熟料生产中碳酸盐分解产生的排放"}]',
        'B,C,E',
        '范围一为企业拥有或控制的排放源产生的直接排放；外购电力属于范围二，商务差旅属于范围三。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-004', 'MULTIPLE_CHOICE', 'PRACTICE', 2,
        '碳排放管理中常说的MRV体系，包含的环节有（ ）。',
        '[{"label":"A","text":"监测（Monitoring）"},{"label":"B","text":"登记（Registration）"},{"label":"C","text":"报告（Reporting）"},{"label":"D","text":"核查（Verification）"}]',
        'A,C,D',
        'MRV即监测、报告、核查，是碳排放数据质量的基础保障。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-005', 'MULTIPLE_CHOICE', 'PRACTICE', 2,
        '计算化石燃料燃烧产生的二氧化碳排放量时，通常需要用到的参数有（ ）。',
        '[{"label":"A","text":"产品销售单价"},{"label":"B","text":"燃料消耗量"},{"label":"C","text":"低位发热量"},{"label":"D","text":"单位热值含碳量"},{"label":"E","text":"碳氧化率"}]',
        'B,C,D,E',
        '燃烧排放=燃料消耗量×低位发热量×单位热值含碳量×碳氧化率×44/12，与产品价格无关。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-006', 'MULTIPLE_CHOICE', 'PRACTICE', 3,
        '按照ISO 50001，组织开展能源评审的主要内容包括（ ）。',
        '[{"label":"A","text":"分析能源使用和能源消耗"},{"label":"B","text":"确定企业年度碳排放配额"},{"label":"C","text":"识别主要能源使用（SEU）"},{"label":"D","text":"确定能源绩效改进机会并排序"}]',
        'A,C,D',
        '能源评审包括分析能源使用和消耗、识别SEU、确定并排序改进机会等；配额由主管部门分配，不属于能源评审。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-007', 'MULTIPLE_CHOICE', 'PRACTICE', 3,
        '对重点排放单位年度温室气体排放报告开展核查时，核查工作通常包括（ ）。',
        '[{"label":"A","text":"文件评审"},{"label":"B","text":"现场核查"},{"label":"C","text":"出具核查结论"},{"label":"D","text":"由核查技术服务机构代替重点排放单位编制年度排放报告"}]',
        'A,B,C',
        '核查应保持独立性，核查方不得代替被核查单位编制排放报告。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-008', 'MULTIPLE_CHOICE', 'THEORY', 4,
        'ISO 14064-1:2018规定的组织温室气体清单类别包括（ ）。',
        '[{"label":"A","text":"直接温室气体排放和清除"},{"label":"B","text":"输入能源产生的间接温室气体排放"},{"label":"C","text":"运输产生的间接温室气体排放"},{"label":"D","text":"组织使用的产品产生的间接温室气体排放"},{"label":"E","text":"组织在碳市场出售的配额量"}]',
        'A,B,C,D',
        'ISO 14064-1:2018将排放分为直接排放及输入能源、运输、组织使用的产品、与组织产品使用相关、其他来源等间接排放类别；配额交易量不是清单类别。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-009', 'MULTIPLE_CHOICE', 'PRACTICE', 4,
        '关于按照ISO 14067开展的产品碳足迹量化，下列说法正确的有（ ）。',
        '[{"label":"A","text":"采用生命周期评价（LCA）方法进行量化"},{"label":"B","text":"只核算二氧化碳，不包括甲烷、氧化亚氮等其他温室气体"},{"label":"C","text":"可以量化“从摇篮到大门”的部分碳足迹"},{"label":"D","text":"结果以二氧化碳当量表示"},{"label":"E","text":"结果应与功能单位或声明单位相关联"}]',
        'A,C,D,E',
        '产品碳足迹基于生命周期评价，涵盖各类温室气体并以二氧化碳当量表示。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('MC-010', 'MULTIPLE_CHOICE', 'THEORY', 5,
        '下列属于企业碳资产的有（ ）。',
        '[{"label":"A","text":"企业持有的碳排放配额"},{"label":"B","text":"企业持有的国家核证自愿减排量（CCER）"},{"label":"C","text":"企业采购的原材料库存"},{"label":"D","text":"企业的生产厂房"},{"label":"E","text":"林业碳汇项目经核证签发的减排量"}]',
        'A,B,E',
        '碳资产主要包括碳排放配额和各类经核证的减排量（碳信用）；原材料、厂房属于一般资产。',
        TRUE);

-- ---------------------------------------------------------------------------
-- TRUE_FALSE
-- ---------------------------------------------------------------------------

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-001', 'TRUE_FALSE', 'THEORY', 1,
        '碳达峰是指某个国家或地区的年度二氧化碳排放量达到历史最高值，之后经历平台期并进入持续下降的过程。',
        NULL, 'TRUE',
        '表述正确。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-002', 'TRUE_FALSE', 'THEORY', 1,
        '我国提出的碳中和目标是努力争取2050年前实现碳中和。',
        NULL, 'FALSE',
        '我国目标是努力争取2060年前实现碳中和。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-003', 'TRUE_FALSE', 'PRACTICE', 2,
        '企业外购电力在发电环节产生的二氧化碳排放，应计入该企业的范围一（直接排放）。',
        NULL, 'FALSE',
        '外购电力对应的排放属于范围二（能源间接排放）。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-004', 'TRUE_FALSE', 'PRACTICE', 2,
        '重点排放单位应制定数据质量控制计划（监测计划），明确核算边界、排放源、活动数据和排放因子的获取方式及监测频次等内容，并按计划实施监测。',
        NULL, 'TRUE',
        '表述正确。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-005', 'TRUE_FALSE', 'PRACTICE', 3,
        '在ISO 50001中，能源基准（EnB）是为比较能源绩效提供依据的定量参考。',
        NULL, 'TRUE',
        '表述正确。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-006', 'TRUE_FALSE', 'THEORY', 3,
        '根据ISO 50006，能源绩效参数（EnPI）只能采用单位产品能耗这一种比值形式。',
        NULL, 'FALSE',
        'EnPI可采用测量值、比值、统计模型或工程模型等多种形式。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-007', 'TRUE_FALSE', 'THEORY', 4,
        'CCUS即碳捕集、利用与封存，与CCS相比，增加了对捕集的二氧化碳进行利用的环节。',
        NULL, 'TRUE',
        '表述正确。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-008', 'TRUE_FALSE', 'PRACTICE', 4,
        '按照ISO 14064-1，组织可采用控制权法（财务控制或运行控制）或股权比例法来汇总其设施层级的温室气体排放和清除。',
        NULL, 'TRUE',
        '表述正确。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-009', 'TRUE_FALSE', 'THEORY', 5,
        'CCER（国家核证自愿减排量）属于强制性减排机制，所有重点排放单位都必须开发CCER项目。',
        NULL, 'FALSE',
        'CCER是自愿减排机制，项目业主自愿开发，并非强制要求。',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('TF-010', 'TRUE_FALSE', 'THEORY', 5,
        '在总量控制与交易机制下，减排成本较低的企业可多减排并出售富余配额，减排成本较高的企业可购买配额，从而以较低的全社会成本实现减排目标。',
        NULL, 'TRUE',
        '表述正确，这是碳排放权交易的基本原理。',
        TRUE);

-- ---------------------------------------------------------------------------
-- SHORT_ANSWER (20 points each)
-- ---------------------------------------------------------------------------

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SA-001', 'SHORT_ANSWER', 'PRACTICE', 2,
        '简述重点排放单位开展企业温室气体排放核算的主要步骤，并说明化石燃料燃烧二氧化碳排放量的基本计算思路。',
        NULL, NULL,
        '要点：1. 确定核算边界：以法人或视同法人的独立核算单位为边界，明确纳入核算的设施和生产系统（3分）2. 识别排放源和排放气体种类：如化石燃料燃烧、工业生产过程、净购入电力和热力等（4分）3. 收集活动数据：如燃料消耗量、低位发热量、净购入电量等，说明数据来源和监测方式（4分）4. 选择或获取排放因子：采用实测值或核算指南缺省值，如单位热值含碳量、碳氧化率、电网排放因子（3分）5. 计算排放量：排放量=活动数据×排放因子；化石燃料燃烧排放量=燃料消耗量×低位发热量×单位热值含碳量×碳氧化率×44/12，并对各排放源汇总（4分）6. 数据质量管理与报告：按监测计划实施监测，保存原始记录，编制并按时提交排放报告（2分）',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SA-002', 'SHORT_ANSWER', 'PRACTICE', 3,
        '某制造企业拟按照ISO 50001建立能源管理体系。请说明能源评审应包括的主要内容，以及如何建立能源绩效参数（EnPI）和能源基准（EnB）。',
        NULL, NULL,
        '要点：1. 分析能源使用和能源消耗：识别当前使用的能源种类，基于测量和其他数据评价过去和现在的能源使用与能源消耗（4分）2. 识别主要能源使用（SEU），并确定其相关变量、当前能源绩效以及对SEU有影响的人员（4分）3. 确定能源绩效改进机会并进行排序（2分）4. 建立EnPI：根据SEU和管理需要选择适宜的EnPI，可采用测量值、比值（如单位产品能耗）、统计模型或工程模型等形式，并明确数据和计算方法（4分）5. 建立EnB：选择适宜的基准期（通常覆盖完整运行周期，如一年），收集基准期数据，考虑相关变量的影响进行归一化处理（4分）6. 说明EnB需要调整的情形（如静态因素发生重大变化、EnPI不再反映能源绩效等），并通过PDCA循环持续改进（2分）',
        TRUE);

INSERT INTO question (code, question_type, subject, syllabus_module, stem, options_json, answer_key, reference_answer, active)
VALUES ('SA-003', 'SHORT_ANSWER', 'THEORY', 5,
        '简述碳排放权交易的基本原理，并说明碳排放配额分配的主要方式以及基准法的计算思路。',
        NULL, NULL,
        '要点：1. 基本原理：政府设定排放总量上限，并以配额形式分配给纳入企业；企业根据自身减排成本选择自行减排或买卖配额，使减排发生在成本最低之处，从而以较低的全社会成本实现减排目标，即“总量控制与交易”（6分）2. 配额分配方式：分为免费分配和有偿分配（如拍卖、固定价格出售），可以组合使用（4分）3. 免费分配的主要方法：历史排放法（祖父法）、历史强度下降法和基准法，并能简述各自特点（4分）4. 基准法计算思路：配额量=产量（如供电量、供热量等）×行业基准值×调整（修正）系数；基准值体现行业先进水平，能够激励先进、约束落后（6分）',
        TRUE);
