namespace GovBot.Data.Seeding;

/// <summary>
/// WeCom user ids of well-known demo people that <see cref="DemoCountySeeder"/> creates, for the
/// emulator page and tests. Ids are the pinyin of the (fictional) name. Every demo person lives
/// in 清徐县 unless the name says 襄垣.
/// </summary>
public static class DemoUsers
{
    /// <summary>张丽, 居民, 清华苑一期 3号楼 2单元 301 (清泉湖社区, 清华苑网格).</summary>
    public const string Resident = "zhangli";

    /// <summary>刘洋, 居民, 清华苑一期 5号楼 1单元 502: a neighbour of <see cref="Resident"/> in the same grid.</summary>
    public const string Neighbour = "liuyang";

    /// <summary>王建军, 专职网格员 of 清华苑网格, the grid holding <see cref="Resident"/>'s building.</summary>
    public const string GridWorker = "wangjianjun";

    /// <summary>杨桂兰, 微网格长 of 清华苑1-3号楼微网格 (lives in 1号楼).</summary>
    public const string MicroGridLead = "yangguilan";

    /// <summary>陈志强, 在职党员 living at 清泉湖社区, 清华苑一期 3号楼 1单元 201; not checked in yet (双报到), to demo that chat.</summary>
    public const string InServicePartyMember = "chenzhiqiang";

    /// <summary>田玉明, 退休党员, 清华苑一期 4号楼, 红色唠嗑队; checked in and approved (双报到).</summary>
    public const string RetiredPartyMember = "tianyuming";

    /// <summary>马小龙, 流动党员 and courier, 清华苑一期 7号楼, 快递小哥志愿服务队; checked in and approved (双报到).</summary>
    public const string MobilePartyMember = "maxiaolong";

    /// <summary>郭秀英, retired party member, 党员中心户 and secretary of 清华苑一期党支部, 2号楼.</summary>
    public const string PartyCenterHousehold = "guoxiuying";

    /// <summary>孙丽娟, 志愿者 of 红色唠嗑队, 清华苑一期 6号楼.</summary>
    public const string Volunteer = "sunlijuan";

    /// <summary>赵晓燕, 社区工作者 of 清泉湖社区.</summary>
    public const string Staff = "zhaoxiaoyan";

    /// <summary>李红梅, 社区党委书记 of 清泉湖社区.</summary>
    public const string Secretary = "lihongmei";

    /// <summary>白云飞, county administrator (县级管理员) of the demo deployment.</summary>
    public const string CountyAdmin = "baiyunfei";

    /// <summary>周婷, known to WeCom but not onboarded yet: no community, no address, OnboardedAt unset.</summary>
    public const string Newcomer = "zhouting";

    /// <summary>侯俊杰, 居民 of 襄垣县 古韩明珠小区 6号楼 (府前社区, 府前二网格).</summary>
    public const string XiangyuanResident = "houjunjie";

    /// <summary>魏红霞, 专职网格员 of 襄垣 府前二网格, the grid holding <see cref="XiangyuanResident"/>'s building.</summary>
    public const string XiangyuanGridWorker = "weihongxia";

    /// <summary>All the ids above, in declaration order, for a user picker.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Resident, Neighbour, GridWorker, MicroGridLead, InServicePartyMember, RetiredPartyMember,
        MobilePartyMember, PartyCenterHousehold, Volunteer, Staff, Secretary, CountyAdmin, Newcomer,
        XiangyuanResident, XiangyuanGridWorker,
    ];
}
