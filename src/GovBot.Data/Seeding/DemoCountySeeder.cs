using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Seeding;

/// <summary>
/// Seeds two demo counties built from the articles in shared/seeds: 清徐县 with its three pilot
/// compounds (one for each way a compound and a grid can relate) and 襄垣县 古韩镇 with four of its
/// communities, their 党群服务中心 and 暖新驿站.
/// <para>
/// Community, compound, branch and team names are the real ones from the articles. Everything
/// else is DEMO DATA: every person, WeCom id and phone number, every property company and its
/// number, every address and opening hour, and the compounds 五阳新村 and 永惠家园 are made up;
/// a match with a real person or line is accidental.
/// </para>
/// <para>
/// Deterministic: ids come from the fixed order of declaration below, times from the
/// <see cref="TimeProvider"/> given, nothing is random. It writes only into an empty store
/// (no county, no person), so running it again, or on a store in real use, does nothing.
/// </para>
/// </summary>
public sealed class DemoCountySeeder(TimeProvider time)
{
    /// <summary>Seeds when the store is empty. Returns whether it wrote anything.</summary>
    public async Task<bool> SeedAsync(GovBotDb db, CancellationToken cancellationToken = default)
    {
        // The check sits inside the transaction so that the emptiness seen is the one written into.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Counties.AnyAsync(cancellationToken) || await db.People.AnyAsync(cancellationToken))
            return false;

        var plan = Plan.Build(time.GetUtcNow());
        db.AddRange(plan.Counties);
        db.AddRange(plan.Towns);
        db.AddRange(plan.Communities);
        db.AddRange(plan.PropertyManagers);
        db.AddRange(plan.Compounds);
        db.AddRange(plan.Grids);
        db.AddRange(plan.MicroGrids);
        db.AddRange(plan.Buildings);
        db.AddRange(plan.People);
        db.AddRange(plan.GridWorkers);
        db.AddRange(plan.Stations);
        db.AddRange(plan.Organisations);
        db.AddRange(plan.Teams);
        db.AddRange(plan.TeamMembers);
        db.AddRange(plan.WorkUnits);
        db.AddRange(plan.Pairings);
        db.AddRange(plan.CheckIns);
        // Says the store holds invented people, so that a host in real mode refuses it (DemoDataGuard).
        db.StoreFacts.Add(new StoreFact { Key = StoreFact.DemoCounty, Value = "清徐县、襄垣县（演示，虚构人员）", RecordedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);

        // A micro-grid lead lives in a building of the micro-grid they lead, so person → building →
        // micro-grid → lead is a cycle of rows that no insert order satisfies: leads go in second.
        foreach (var (microGrid, lead) in plan.Leads)
            microGrid.LeadPersonId = lead.Id;
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The whole demo world in memory, with keys and foreign keys set by hand.</summary>
    private sealed class Plan
    {
        public List<County> Counties { get; } = [];
        public List<Town> Towns { get; } = [];
        public List<Community> Communities { get; } = [];
        public List<PropertyManager> PropertyManagers { get; } = [];
        public List<Compound> Compounds { get; } = [];
        public List<Grid> Grids { get; } = [];
        public List<MicroGrid> MicroGrids { get; } = [];
        public List<Building> Buildings { get; } = [];
        public List<Person> People { get; } = [];
        public List<GridWorkerAssignment> GridWorkers { get; } = [];
        public List<ServiceStation> Stations { get; } = [];
        public List<PartyOrganisation> Organisations { get; } = [];
        public List<VolunteerTeam> Teams { get; } = [];
        public List<VolunteerTeamMember> TeamMembers { get; } = [];
        public List<(MicroGrid MicroGrid, Person Lead)> Leads { get; } = [];
        public List<WorkUnit> WorkUnits { get; } = [];
        public List<UnitPairing> Pairings { get; } = [];
        public List<CheckIn> CheckIns { get; } = [];

        private readonly DateTimeOffset _now;

        private Plan(DateTimeOffset now) => _now = now;

        // Opening hours, China Standard Time.
        private static readonly TimeOnly CentreOpens = new(8, 30), CentreCloses = new(17, 30);
        private static readonly TimeOnly RestStopOpens = new(8, 0), RestStopCloses = new(20, 0);
        private static readonly TimeOnly StationOpens = new(9, 0), StationCloses = new(17, 0);
        private const string RestStopServices = "饮水、充电、取暖、避暑、歇脚、阅读";
        private const string CentreServices = "党员活动、政务代办、议事协商、日间照料、红色信箱";

        public static Plan Build(DateTimeOffset now)
        {
            var p = new Plan(now);
            p.BuildQingxu();
            p.BuildXiangyuan();
            p.AddCountyAdmin();
            return p;
        }

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
            var qinghuaGrid = Grid(qingquanhu, "清华苑网格", "小区和网格一样大：清华苑一期整个小区为一个网格");
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑1-3号楼微网格"), 1, 2, 3);
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑4-6号楼微网格"), 4, 5, 6);
            AddBuildings(qinghua, MicroGrid(qinghuaGrid, "清华苑7-8号楼微网格"), 7, 8);

            // 迎新社区 · 世纪网格: 网格大、小区小 — one grid spans several small compounds.
            var yingxin = Community(town, "迎新社区", "清徐县清源镇迎新社区居委会一楼", "0351-5720201");
            var shijiPm = PropertyManager("清徐县世纪物业管理有限公司（演示）", "0351-5720211");
            var shijiHuayuan = Compound(yingxin, "世纪花园", "世纪花园小区", shijiPm);
            var shijiJiayuan = Compound(yingxin, "世纪家园", "世纪家园小区", shijiPm);
            var shijiGrid = Grid(yingxin, "世纪网格", "网格大、小区小：世纪花园、世纪家园两个小区同属一个网格");
            AddBuildings(shijiHuayuan, MicroGrid(shijiGrid, "世纪花园微网格"), 1, 2, 3);
            AddBuildings(shijiJiayuan, MicroGrid(shijiGrid, "世纪家园微网格"), 1, 2);

            // 金沙滩社区 · 中隐澜湾: 小区大、网格小 — one compound split into three grids.
            var jinshatan = Community(town, "金沙滩社区", "清徐县清源镇金沙滩社区居委会一楼", "0351-5720301");
            var lanwanPm = PropertyManager("山西澜湾物业服务有限公司（演示）", "0351-5720311");
            var lanwan = Compound(jinshatan, "中隐澜湾", "中隐澜湾小区|澜湾", lanwanPm);
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
            var yonganGrid = Grid(yongan, "永安一网格", "外贸小区所在网格");
            AddBuildings(waimao, MicroGrid(yonganGrid, "外贸小区1-3号楼微网格"), 1, 2, 3);
            AddBuildings(waimao, MicroGrid(yonganGrid, "外贸小区4-6号楼微网格"), 4, 5, 6);

            // Assumption: 古韩明珠小区 is put in 府前社区, split into two grids.
            var mingzhu = Compound(fuqian, "古韩明珠小区", "古韩明珠|明珠小区", PropertyManager("襄垣县明珠物业服务有限公司（演示）", "0355-7820211"));
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

        private void AddCountyAdmin()
        {
            // One administrator for the whole demo deployment, so tied to no community.
            Person(DemoUsers.CountyAdmin, "白云飞", "13803510099", Roles.Staff | Roles.CountyAdmin, community: null);
            // Someone the bot has not onboarded yet, to demo the onboarding conversation.
            People.Add(new Person
            {
                Id = People.Count + 1,
                WeComUserId = DemoUsers.Newcomer,
                Name = "周婷",
                Roles = Roles.Resident,
                CreatedAt = _now,
            });
        }

        // ── builders: each assigns the next id of its kind ────────────────────────────────────
        private County County(string name)
        {
            var county = new County { Id = Counties.Count + 1, Name = name };
            Counties.Add(county);
            return county;
        }

        private Town Town(County county, string name)
        {
            var town = new Town { Id = Towns.Count + 1, CountyId = county.Id, Name = name };
            Towns.Add(town);
            return town;
        }

        private Community Community(Town town, string name, string address, string phone)
        {
            var community = new Community { Id = Communities.Count + 1, TownId = town.Id, Name = name, Address = address, Phone = phone };
            Communities.Add(community);
            return community;
        }

        private PropertyManager PropertyManager(string name, string phone)
        {
            var manager = new PropertyManager { Id = PropertyManagers.Count + 1, Name = name, Phone = phone };
            PropertyManagers.Add(manager);
            return manager;
        }

        private Compound Compound(Community community, string name, string aliases, PropertyManager manager)
        {
            var compound = new Compound
            {
                Id = Compounds.Count + 1, CommunityId = community.Id, Name = name, Aliases = aliases, PropertyManagerId = manager.Id,
            };
            Compounds.Add(compound);
            return compound;
        }

        private Grid Grid(Community community, string name, string description)
        {
            var grid = new Grid { Id = Grids.Count + 1, CommunityId = community.Id, Name = name, Description = description };
            Grids.Add(grid);
            return grid;
        }

        private MicroGrid MicroGrid(Grid grid, string name)
        {
            var microGrid = new MicroGrid { Id = MicroGrids.Count + 1, GridId = grid.Id, Name = name };
            MicroGrids.Add(microGrid);
            return microGrid;
        }

        private void AddBuildings(Compound compound, MicroGrid microGrid, params int[] numbers)
        {
            foreach (var number in numbers)
            {
                Buildings.Add(new Building
                {
                    Id = Buildings.Count + 1, CompoundId = compound.Id, Number = number, Name = $"{number}号楼", MicroGridId = microGrid.Id,
                });
            }
        }

        private Building B(Compound compound, int number) =>
            Buildings.Single(b => b.CompoundId == compound.Id && b.Number == number);

        private Person Person(
            string weComUserId, string name, string phone, Roles roles, Community? community,
            Building? building = null, string? unit = null, string? room = null, PartyMemberKind? kind = null)
        {
            var person = new Person
            {
                Id = People.Count + 1,
                WeComUserId = weComUserId,
                Name = name,
                Phone = phone,
                Roles = roles,
                PartyMemberKind = kind,
                CommunityId = community?.Id,
                CompoundId = building?.CompoundId,
                BuildingId = building?.Id,
                Unit = unit,
                Room = room,
                CreatedAt = _now,
                // Demo people arrive as if staff had registered them, so the bot can serve them at once.
                OnboardedAt = _now,
            };
            People.Add(person);
            return person;
        }

        private void GridWorker(Grid grid, Person person) =>
            GridWorkers.Add(new GridWorkerAssignment { GridId = grid.Id, PersonId = person.Id });

        /// <summary>Makes <paramref name="person"/> lead the first micro-grid of <paramref name="grid"/>.</summary>
        private void Lead(Grid grid, Person person) => Leads.Add((MicroGrids.First(m => m.GridId == grid.Id), person));

        private PartyOrganisation Organisation(
            PartyOrganisationKind kind, string name, Community community, Compound? compound = null, Grid? grid = null,
            PartyOrganisation? parent = null, Person? secretary = null)
        {
            var organisation = new PartyOrganisation
            {
                Id = Organisations.Count + 1,
                Kind = kind,
                Name = name,
                CommunityId = community.Id,
                CompoundId = compound?.Id,
                GridId = grid?.Id,
                ParentId = parent?.Id,
                SecretaryPersonId = secretary?.Id,
            };
            Organisations.Add(organisation);
            return organisation;
        }

        /// <summary>A community's 党群服务中心 and the 暖新驿站 inside it.</summary>
        private void CommunityStations(Community community)
        {
            var address = community.Address ?? community.Name;
            Station(ServiceStationKind.PartyServiceCenter, $"{community.Name}党群服务中心", community, null, address, community.Phone, CentreServices, CentreOpens, CentreCloses, "12345");
            Station(ServiceStationKind.RestStop, $"{community.Name}暖新驿站", community, null, $"{address}，党群服务中心内", community.Phone, RestStopServices, RestStopOpens, RestStopCloses);
        }

        private void Station(
            ServiceStationKind kind, string name, Community community, Compound? compound, string address, string? phone, string services,
            TimeOnly? opensAt = null, TimeOnly? closesAt = null, string openDays = "1234567")
        {
            Stations.Add(new ServiceStation
            {
                Id = Stations.Count + 1,
                Kind = kind,
                Name = name,
                CommunityId = community.Id,
                CompoundId = compound?.Id,
                Address = address,
                Phone = phone,
                OpensAt = opensAt ?? StationOpens,
                ClosesAt = closesAt ?? StationCloses,
                OpenDays = openDays,
                Services = services,
            });
        }

        private WorkUnit WorkUnit(string name, string organisation, string contact, string phone, params Compound[] paired)
        {
            var unit = new WorkUnit
            {
                Id = WorkUnits.Count + 1, Name = name, PartyOrganisationName = organisation, ContactName = contact, ContactPhone = phone,
                RegisteredAt = _now,
            };
            WorkUnits.Add(unit);
            foreach (var compound in paired)
                Pairings.Add(new UnitPairing { WorkUnitId = unit.Id, CompoundId = compound.Id, PairedAt = _now });
            return unit;
        }

        private void ApprovedCheckIn(
            Person member, PartyMemberKind kind, WorkUnit? unit, string organisation, Compound compound, Building building,
            PartyOrganisation branch, Person reviewer, string services)
        {
            var checkIn = new CheckIn
            {
                Id = CheckIns.Count + 1,
                PersonId = member.Id,
                Name = member.Name,
                Kind = kind,
                WorkUnitId = unit?.Id,
                PartyOrganisationName = organisation,
                CommunityId = compound.CommunityId,
                CompoundId = compound.Id,
                BuildingId = building.Id,
                Unit = member.Unit,
                Room = member.Room,
                Phone = member.Phone!,
                Services = services,
                Status = CheckInStatus.Approved,
                SubmittedAt = _now,
                ReviewedAt = _now,
                ReviewedById = reviewer.Id,
                CompoundBranchId = branch.Id,
            };
            checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Submitted, ActorId = member.Id, At = _now });
            checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Approved, ActorId = reviewer.Id, At = _now });
            CheckIns.Add(checkIn);
        }

        /// <summary>A team; its <paramref name="lead"/> (队长), when it has one, is also listed among the members.</summary>
        private void Team(string name, Community community, string description, Person? lead, params Person[] members)
        {
            var team = new VolunteerTeam
            {
                Id = Teams.Count + 1, Name = name, CommunityId = community.Id, Description = description, LeadPersonId = lead?.Id,
            };
            Teams.Add(team);
            foreach (var member in members)
                TeamMembers.Add(new VolunteerTeamMember { VolunteerTeamId = team.Id, PersonId = member.Id });
        }
    }
}
