using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Seeding;

public sealed partial class DemoCountySeeder
{
    /// <summary>The two demo counties, place by place, from the seeds' real names and numbers.</summary>
    private sealed partial class Plan
    {
        // ── 清徐县 ────────────────────────────────────────────────────────────────────────────
        private void BuildQingxu()
        {
            var county = County("清徐县");
            // Assumption: the article names no town; the three communities sit in the county seat, 清源镇.
            var town = Town(county, "清源镇");

            // 清泉湖社区 · 清华苑一期: 小区和网格一样大 — the compound is exactly one grid.
            var qingquanhu = Community(town, "清泉湖社区", "清徐县清源镇清泉湖社区居委会一楼", "0351-5720101");
            var qinghuaPm = PropertyManager("清徐县清华苑物业服务有限公司（演示）", "0351-5720111");
            var qinghua = Compound(qingquanhu, "清华苑一期", "清华苑|清华苑一期小区", qinghuaPm);
            At(qinghua, 37.6071, 112.3601);
            var qinghuaGrid = Grid(qingquanhu, "清华苑网格", "小区和网格一样大：清华苑一期整个小区为一个网格");
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑1-3号楼微网格"), 1, 2, 3);
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑4-6号楼微网格"), 4, 5, 6);
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑7-8号楼微网格"), 7, 8);

            // 迎新社区 · 世纪网格: 网格大、小区小 — one grid spans several small compounds.
            var yingxin = Community(town, "迎新社区", "清徐县清源镇迎新社区居委会一楼", "0351-5720201");
            var shijiPm = PropertyManager("清徐县世纪物业管理有限公司（演示）", "0351-5720211");
            var shijiHuayuan = Compound(yingxin, "世纪花园", "世纪花园小区", shijiPm);
            At(shijiHuayuan, 37.611, 112.3659);
            var shijiJiayuan = Compound(yingxin, "世纪家园", "世纪家园小区", shijiPm);
            At(shijiJiayuan, 37.6101, 112.368);
            var shijiGrid = Grid(yingxin, "世纪网格", "网格大、小区小：世纪花园、世纪家园两个小区同属一个网格");
            AddBuildings(shijiHuayuan, MicroGrid(shijiGrid, "世纪花园微网格"), 1, 2, 3);
            AddBuildings(shijiJiayuan, MicroGrid(shijiGrid, "世纪家园微网格"), 1, 2);

            // 金沙滩社区 · 中隐澜湾: 小区大、网格小 — one compound split into three grids.
            var jinshatan = Community(town, "金沙滩社区", "清徐县清源镇金沙滩社区居委会一楼", "0351-5720301");
            var lanwanPm = PropertyManager("山西澜湾物业服务有限公司（演示）", "0351-5720311");
            var lanwan = Compound(jinshatan, "中隐澜湾", "中隐澜湾小区|澜湾", lanwanPm);
            At(lanwan, 37.599, 112.3521);
            var lanwanGrids = new[] { "中隐澜湾一网格", "中隐澜湾二网格", "中隐澜湾三网格" }
                .Select(name => Grid(jinshatan, name, "小区大、网格小：中隐澜湾小区分为三个网格"))
                .ToArray();
            for (var g = 0; g < lanwanGrids.Length; g++)
            {
                var first = g * 4 + 1;
                AddBuildings(lanwan, MicroGrid(lanwanGrids[g], $"澜湾{first}-{first + 1}号楼微网格"), first, first + 1);
                AddBuildings(lanwan, MicroGrid(lanwanGrids[g], $"澜湾{first + 2}-{first + 3}号楼微网格"), first + 2, first + 3);
            }

            // People of 清泉湖社区. Mobile numbers 1380351xxxx are a demo pattern for 清徐 (太原, 0351).
            var lihongmei = Person(DemoUsers.Secretary, "李红梅", "13803510001", Roles.Staff | Roles.Secretary | Roles.PartyMember, qingquanhu, kind: PartyMemberKind.InService);
            Person(DemoUsers.Staff, "赵晓燕", "13803510002", Roles.Staff, qingquanhu);
            GridWorker(qinghuaGrid, Person(DemoUsers.GridWorker, "王建军", "13803510003", Roles.GridWorker, qingquanhu));
            Person(DemoUsers.Resident, "张丽", "13803510004", Roles.Resident, qingquanhu, B(qinghua, 3), "2单元", "301");
            Person(DemoUsers.Neighbour, "刘洋", "13803510005", Roles.Resident, qingquanhu, B(qinghua, 5), "1单元", "502");
            Person(DemoUsers.InServicePartyMember, "陈志强", "13803510006", Roles.Resident | Roles.PartyMember, qingquanhu, B(qinghua, 3), "1单元", "201", PartyMemberKind.InService);
            var guoxiuying = Person(DemoUsers.PartyCenterHousehold, "郭秀英", "13803510007", Roles.Resident | Roles.PartyMember | Roles.PartyCenterHousehold | Roles.Volunteer, qingquanhu, B(qinghua, 2), "1单元", "101", PartyMemberKind.Retired);
            var yangguilan = Person(DemoUsers.MicroGridLead, "杨桂兰", "13803510008", Roles.Resident | Roles.MicroGridLead, qingquanhu, B(qinghua, 1), "2单元", "402");
            Lead(qinghuaGrid, yangguilan);
            var sunlijuan = Person(DemoUsers.Volunteer, "孙丽娟", "13803510009", Roles.Resident | Roles.Volunteer, qingquanhu, B(qinghua, 6), "1单元", "301");
            var maxiaolong = Person(DemoUsers.MobilePartyMember, "马小龙", "13803510010", Roles.Resident | Roles.PartyMember | Roles.Volunteer, qingquanhu, B(qinghua, 7), "2单元", "102", PartyMemberKind.Mobile);
            var tianyuming = Person(DemoUsers.RetiredPartyMember, "田玉明", "13803510011", Roles.Resident | Roles.PartyMember | Roles.Volunteer, qingquanhu, B(qinghua, 4), "1单元", "601", PartyMemberKind.Retired);

            // People of 迎新社区.
            var zhouwenbin = Person("zhouwenbin", "周文斌", "13803510021", Roles.Staff | Roles.Secretary | Roles.PartyMember, yingxin, kind: PartyMemberKind.InService);
            Person("wujing", "吴静", "13803510022", Roles.Staff, yingxin);
            GridWorker(shijiGrid, Person("zhenghaiyan", "郑海燕", "13803510023", Roles.GridWorker, yingxin));
            Person("fengjianguo", "冯建国", "13803510024", Roles.Resident, yingxin, B(shijiHuayuan, 2), "1单元", "302");
            var hanshuzhen = Person("hanshuzhen", "韩淑珍", "13803510025", Roles.Resident | Roles.PartyMember | Roles.MicroGridLead | Roles.Volunteer, yingxin, B(shijiHuayuan, 1), "1单元", "201", PartyMemberKind.Retired);
            Lead(shijiGrid, hanshuzhen);
            var caohongwei = Person("caohongwei", "曹宏伟", "13803510026", Roles.Resident | Roles.Volunteer, yingxin, B(shijiJiayuan, 1), "1单元", "401");
            var hujianbo = Person("hujianbo", "胡建波", "13803510027", Roles.Resident | Roles.Volunteer, yingxin, B(shijiJiayuan, 2), "2单元", "302");

            // People of 金沙滩社区.
            var gaoyaqin = Person("gaoyaqin", "高雅琴", "13803510031", Roles.Staff | Roles.Secretary | Roles.PartyMember, jinshatan, kind: PartyMemberKind.InService);
            Person("denglei", "邓磊", "13803510032", Roles.Staff, jinshatan);
            GridWorker(lanwanGrids[0], Person("xuguoqing", "许国庆", "13803510033", Roles.GridWorker, jinshatan));
            GridWorker(lanwanGrids[1], Person("luodan", "罗丹", "13803510034", Roles.GridWorker, jinshatan));
            GridWorker(lanwanGrids[2], Person("liangxiaodong", "梁晓东", "13803510035", Roles.GridWorker, jinshatan));
            Person("songyuxin", "宋雨欣", "13803510036", Roles.Resident, jinshatan, B(lanwan, 6), "2单元", "1201");
            var dongzhigang = Person("dongzhigang", "董志刚", "13803510037", Roles.Resident | Roles.MicroGridLead, jinshatan, B(lanwan, 1), "1单元", "803");
            Lead(lanwanGrids[0], dongzhigang);
            var xuexiaofeng = Person("xuexiaofeng", "薛晓峰", "13803510038", Roles.Resident | Roles.PartyMember, jinshatan, B(lanwan, 10), "3单元", "1502", PartyMemberKind.InService);

            // Party organisations: 社区党委 → the three pilot branches → grid groups.
            var qingquanhuCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "清泉湖社区党委", qingquanhu, secretary: lihongmei);
            var yingxinCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "迎新社区党委", yingxin, secretary: zhouwenbin);
            var jinshatanCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "金沙滩社区党委", jinshatan, secretary: gaoyaqin);
            // 支部建在网格上: 清华苑一期 is its grid, so the branch holds both.
            var qinghuaBranch = Organisation(PartyOrganisationKind.CompoundBranch, "清华苑一期党支部", qingquanhu, qinghua, qinghuaGrid, qingquanhuCommittee, guoxiuying);
            // 世纪网格党支部 is built on the grid, which has more than one compound: no single compound.
            Organisation(PartyOrganisationKind.CompoundBranch, "世纪网格党支部", yingxin, grid: shijiGrid, parent: yingxinCommittee, secretary: hanshuzhen);
            var lanwanBranch = Organisation(PartyOrganisationKind.CompoundBranch, "中隐澜湾小区党支部", jinshatan, lanwan, parent: jinshatanCommittee, secretary: xuexiaofeng);
            foreach (var grid in lanwanGrids)
                Organisation(PartyOrganisationKind.GridGroup, $"{grid.Name}党小组", jinshatan, lanwan, grid, lanwanBranch);

            // 双报到: the article counts 2196 in-service, 198 mobile and 797 retired members who reported to their
            // communities. Demo: county bureaus (real kinds of unit, made-up pairings) paired with the pilot
            // compounds, and two of 清华苑一期's members already checked in and approved.
            WorkUnit("清徐县交通运输局", "清徐县交通运输局机关党支部", "清徐县交通运输局办公室", "13803510051", qinghua);
            WorkUnit("清徐县司法局", "清徐县司法局机关党支部", "清徐县司法局办公室", "13803510052", qinghua, shijiHuayuan);
            WorkUnit("清徐县卫生健康局", "清徐县卫生健康局机关党委", "清徐县卫生健康局办公室", "13803510053", shijiJiayuan, lanwan);
            // More of the county's units, so that members' abbreviations (住建局, 县医院) have real names to meet.
            WorkUnit("清徐县住房和城乡建设局", "清徐县住房和城乡建设局机关党支部", "清徐县住房和城乡建设局办公室", "13803510054", lanwan);
            WorkUnit("清徐县人民医院", "清徐县人民医院党委", "清徐县人民医院党委办公室", "13803510055", qinghua);
            WorkUnit("清徐县中医院", "清徐县中医院党支部", "清徐县中医院办公室", "13803510056", shijiHuayuan);
            ApprovedCheckIn(tianyuming, PartyMemberKind.Retired, null, "清泉湖社区党委", qinghua, B(qinghua, 4), qinghuaBranch, lihongmei, "爱心帮扶|法律宣传");
            ApprovedCheckIn(maxiaolong, PartyMemberKind.Mobile, null, "清泉湖社区流动党员党支部", qinghua, B(qinghua, 7), qinghuaBranch, lihongmei, "环境整治|维修");

            // Stations. The article puts no 暖新驿站 in 清徐; the demo gives each community one all the
            // same (assumption), since its couriers form volunteer teams there and the bot lists them.
            foreach (var community in new[] { qingquanhu, yingxin, jinshatan })
                CommunityStations(community);
            Station(ServiceStationKind.PartyServiceStation, "清华苑一期小区党群服务站", qingquanhu, qinghua, "清华苑一期物业楼一层", "0351-5720121", "书记茶话会、议事协商、红色信箱");
            Station(ServiceStationKind.PartyServiceStation, "世纪网格党群服务站", yingxin, shijiHuayuan, "世纪花园东门旁", "0351-5720221", "议事协商、志愿服务、红色信箱");
            Station(ServiceStationKind.PartyServiceStation, "中隐澜湾小区党群服务站", jinshatan, lanwan, "中隐澜湾小区会所二层", "0351-5720321", "议事协商、四点半课堂、红色信箱");

            // Volunteer teams named in the article (红色唠嗑队, 热心帮帮团) and one of couriers, who
            // formed teams with the 两新 organisations there. A lead decides who joins; the couriers' team is run by
            // the community itself (its riders change too often to have one), so its staff decide.
            Team("红色唠嗑队", qingquanhu, "由退休老党员、居民代表组成，走访唠家常、收集民意", guoxiuying, sunlijuan, guoxiuying, tianyuming);
            Team("热心帮帮团", yingxin, "居民志愿者帮助邻里解决身边小事", hanshuzhen, caohongwei, hanshuzhen);
            Team("快递小哥志愿服务队", qingquanhu, "快递外卖小哥在送件途中随手拍、报隐患、帮孤寡老人代取件", null, maxiaolong, hujianbo);
        }

        // ── 襄垣县 古韩镇 ─────────────────────────────────────────────────────────────────────
        private void BuildXiangyuan()
        {
            var county = County("襄垣县");
            var town = Town(county, "古韩镇");

            var yongan = Community(town, "永安社区", "襄垣县古韩镇永安社区居委会一楼", "0355-7820101");
            var fuqian = Community(town, "府前社区", "襄垣县古韩镇府前社区居委会一楼", "0355-7820201");
            var wuyang = Community(town, "五阳社区", "襄垣县古韩镇五阳社区居委会一楼", "0355-7820301");
            var yonghui = Community(town, "永惠社区", "襄垣县古韩镇永惠社区居委会一楼", "0355-7820401");

            // Assumption: the article does not say which community 外贸小区 belongs to; the demo puts it in 永安社区.
            var waimao = Compound(yongan, "外贸小区", "外贸", PropertyManager("襄垣县永安物业服务有限公司（演示）", "0355-7820111"));
            At(waimao, 36.5331, 113.0512);
            var yonganGrid = Grid(yongan, "永安一网格", "外贸小区所在网格");
            AddBuildings(waimao, MicroGrid(yonganGrid, "外贸小区1-3号楼微网格"), 1, 2, 3);
            AddBuildings(waimao, MicroGrid(yonganGrid, "外贸小区4-6号楼微网格"), 4, 5, 6);

            // Assumption: 古韩明珠小区 is put in 府前社区, split into two grids.
            var mingzhu = Compound(fuqian, "古韩明珠小区", "古韩明珠|明珠小区", PropertyManager("襄垣县明珠物业服务有限公司（演示）", "0355-7820211"));
            At(mingzhu, 36.5296, 113.0468);
            var fuqianGrid1 = Grid(fuqian, "府前一网格", "古韩明珠小区1-4号楼");
            var fuqianGrid2 = Grid(fuqian, "府前二网格", "古韩明珠小区5-8号楼");
            AddBuildings(mingzhu, MicroGrid(fuqianGrid1, "明珠1-2号楼微网格"), 1, 2);
            AddBuildings(mingzhu, MicroGrid(fuqianGrid1, "明珠3-4号楼微网格"), 3, 4);
            AddBuildings(mingzhu, MicroGrid(fuqianGrid2, "明珠5-6号楼微网格"), 5, 6);
            AddBuildings(mingzhu, MicroGrid(fuqianGrid2, "明珠7-8号楼微网格"), 7, 8);

            // 五阳新村 and 永惠家园 are made-up names, so that every community has a compound.
            var wuyangCompound = Compound(wuyang, "五阳新村", "", PropertyManager("襄垣县五阳物业管理有限公司（演示）", "0355-7820311"));
            var wuyangGrid = Grid(wuyang, "五阳一网格", "五阳新村所在网格");
            AddBuildings(wuyangCompound, MicroGrid(wuyangGrid, "五阳新村1-2号楼微网格"), 1, 2);
            AddBuildings(wuyangCompound, MicroGrid(wuyangGrid, "五阳新村3-4号楼微网格"), 3, 4);

            var yonghuiCompound = Compound(yonghui, "永惠家园", "", PropertyManager("襄垣县永惠物业服务有限公司（演示）", "0355-7820411"));
            var yonghuiGrid = Grid(yonghui, "永惠一网格", "永惠家园所在网格");
            AddBuildings(yonghuiCompound, MicroGrid(yonghuiGrid, "永惠家园1-2号楼微网格"), 1, 2);
            AddBuildings(yonghuiCompound, MicroGrid(yonghuiGrid, "永惠家园3-4号楼微网格"), 3, 4);

            // People. Mobile numbers 1380355xxxx are a demo pattern for 襄垣 (长治, 0355).
            var wanghuimin = Person("wanghuimin", "王慧敏", "13803550001", Roles.Staff | Roles.Secretary | Roles.PartyMember, yongan, kind: PartyMemberKind.InService);
            Person("niuxiaoxia", "牛晓霞", "13803550002", Roles.Staff, yongan);
            GridWorker(yonganGrid, Person("lianzhiwei", "连志伟", "13803550003", Roles.GridWorker, yongan));
            Person("shenguifang", "申桂芳", "13803550004", Roles.Resident, yongan, B(waimao, 2), "3单元", "201");
            var wujianhua = Person("wujianhua", "武建华", "13803550005", Roles.Resident | Roles.PartyMember | Roles.MicroGridLead, yongan, B(waimao, 1), "1单元", "102", PartyMemberKind.Retired);
            Lead(yonganGrid, wujianhua);
            Person("lipeng", "李鹏", "13803550006", Roles.Resident | Roles.PartyMember, yongan, B(waimao, 5), "2单元", "401", PartyMemberKind.InService);

            var changliping = Person("changliping", "常丽萍", "13803550011", Roles.Staff | Roles.Secretary | Roles.PartyMember, fuqian, kind: PartyMemberKind.InService);
            Person("shiwenjie", "史文杰", "13803550012", Roles.Staff, fuqian);
            GridWorker(fuqianGrid1, Person("qinhaijun", "秦海军", "13803550013", Roles.GridWorker, fuqian));
            GridWorker(fuqianGrid2, Person(DemoUsers.XiangyuanGridWorker, "魏红霞", "13803550014", Roles.GridWorker, fuqian));
            Person(DemoUsers.XiangyuanResident, "侯俊杰", "13803550015", Roles.Resident, fuqian, B(mingzhu, 6), "1单元", "602");
            // 襄垣 publishes its 党员中心户 (公开党员中心户信息); 路秀兰 is one and leads her micro-grid.
            var luxiulan = Person("luxiulan", "路秀兰", "13803550016", Roles.Resident | Roles.PartyMember | Roles.PartyCenterHousehold | Roles.MicroGridLead, fuqian, B(mingzhu, 1), "2单元", "301", PartyMemberKind.Retired);
            Lead(fuqianGrid1, luxiulan);
            Person("jiahao", "贾浩", "13803550017", Roles.Resident | Roles.PartyMember, fuqian, B(mingzhu, 8), "1单元", "502", PartyMemberKind.Mobile);
            var renjiaqi = Person("renjiaqi", "任佳琪", "13803550018", Roles.Resident | Roles.Volunteer, fuqian, B(mingzhu, 3), "2单元", "201");

            var duanzhihong = Person("duanzhihong", "段志红", "13803550021", Roles.Staff | Roles.Secretary | Roles.PartyMember, wuyang, kind: PartyMemberKind.InService);
            Person("wenxiaoli", "温晓丽", "13803550022", Roles.Staff, wuyang);
            GridWorker(wuyangGrid, Person("fanyonggang", "范永刚", "13803550023", Roles.GridWorker, wuyang));
            Person("jinchunhua", "靳春花", "13803550024", Roles.Resident, wuyang, B(wuyangCompound, 3), "1单元", "302");

            var yuejianping = Person("yuejianping", "岳建平", "13803550031", Roles.Staff | Roles.Secretary | Roles.PartyMember, yonghui, kind: PartyMemberKind.InService);
            Person("miaoyuting", "苗雨婷", "13803550032", Roles.Staff, yonghui);
            GridWorker(yonghuiGrid, Person("weidongsheng", "卫东升", "13803550033", Roles.GridWorker, yonghui));
            var qiaomeiling = Person("qiaomeiling", "乔美玲", "13803550034", Roles.Resident | Roles.Volunteer, yonghui, B(yonghuiCompound, 2), "1单元", "101");

            // 社区党委 → 小区党支部 → 网格党小组, as the article lays the ladder out.
            var yonganCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "永安社区党委", yongan, secretary: wanghuimin);
            var fuqianCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "府前社区党委", fuqian, secretary: changliping);
            var wuyangCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "五阳社区党委", wuyang, secretary: duanzhihong);
            var yonghuiCommittee = Organisation(PartyOrganisationKind.CommunityCommittee, "永惠社区党委", yonghui, secretary: yuejianping);
            var waimaoBranch = Organisation(PartyOrganisationKind.CompoundBranch, "外贸小区党支部", yongan, waimao, parent: yonganCommittee, secretary: wujianhua);
            Organisation(PartyOrganisationKind.GridGroup, "永安一网格党小组", yongan, waimao, yonganGrid, waimaoBranch);
            var mingzhuBranch = Organisation(PartyOrganisationKind.CompoundBranch, "古韩明珠小区党支部", fuqian, mingzhu, parent: fuqianCommittee, secretary: luxiulan);
            Organisation(PartyOrganisationKind.GridGroup, "府前一网格党小组", fuqian, mingzhu, fuqianGrid1, mingzhuBranch);
            Organisation(PartyOrganisationKind.GridGroup, "府前二网格党小组", fuqian, mingzhu, fuqianGrid2, mingzhuBranch);
            Organisation(PartyOrganisationKind.GridGroup, "五阳一网格党小组", wuyang, wuyangCompound, wuyangGrid, wuyangCommittee);
            Organisation(PartyOrganisationKind.GridGroup, "永惠一网格党小组", yonghui, yonghuiCompound, yonghuiGrid, yonghuiCommittee);

            // "联合小区结对单位县交通运输局启动小区改造项目": 外贸小区's paired unit is named in the article.
            WorkUnit("襄垣县交通运输局", "襄垣县交通运输局机关党支部", "襄垣县交通运输局办公室", "13803550051", waimao);

            // "在9个社区党群服务中心打造暖新驿站": each centre holds a rest stop.
            foreach (var community in new[] { yongan, fuqian, wuyang, yonghui })
                CommunityStations(community);
            Station(ServiceStationKind.PartyServiceStation, "外贸小区党群服务站", yongan, waimao, "外贸小区2号楼北侧平房", "0355-7820121", "居民协商议事会、红色信箱");
            Station(ServiceStationKind.PartyServiceStation, "古韩明珠小区党群服务站", fuqian, mingzhu, "古韩明珠小区物业楼一层", "0355-7820221", "议事协商、文明家庭评选、红色信箱");

            // 府前社区's “放学来吧”社区课堂 and 永惠社区's 先锋志愿服务社 are named in the article.
            Team("“放学来吧”社区课堂志愿服务队", fuqian, "放学后为辖区孩子提供课业辅导和兴趣课堂", renjiaqi, renjiaqi);
            Team("先锋志愿服务社", yonghui, "永惠社区引入的非营利性社会组织，服务民生需求", qiaomeiling, qiaomeiling);
        }
    }
}
