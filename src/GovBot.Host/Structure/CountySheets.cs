namespace GovBot.Host.Structure;

/// <summary>One column of a sheet as the template heads it; a required one is headed with a trailing 「*」.</summary>
public sealed record SheetColumn(string Name, bool Required)
{
    public string Header => Required ? Name + "*" : Name;
}

/// <summary>A sheet of the county workbook: its columns and the one example row the template carries.</summary>
public sealed record SheetSpec(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<string> Example)
{
    public SheetColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// The sheets of the county structure workbook, in the order they are read: each sheet refers only to codes of
/// sheets above it (or already in the store), except 微网格长, which names someone from 人员 or 居民.
/// The template's example rows form a tiny county of their own, so the template imports unchanged.
/// </summary>
public static class CountySheets
{
    public const string Communities = "社区";
    public const string Grids = "网格";
    public const string MicroGrids = "微网格";
    public const string PropertyManagers = "物业";
    public const string Compounds = "小区";
    public const string Buildings = "楼栋";
    public const string Staff = "人员";
    public const string Stations = "服务站点";
    public const string WorkUnits = "报到单位";
    public const string Residents = "居民";

    private static SheetColumn R(string name) => new(name, true);
    private static SheetColumn O(string name) => new(name, false);

    public static readonly IReadOnlyList<SheetSpec> All =
    [
        new(Communities, [R("社区编码"), R("社区名称"), R("县"), R("镇（街道）"), O("地址"), O("电话"), O("企业微信部门ID")],
            ["SQ001", "示例社区", "示例县", "示例街道", "示例街道幸福路1号", "0355-1234567", ""]),
        new(Grids, [R("网格编码"), R("网格名称"), R("社区编码"), O("说明"), O("企业微信部门ID")],
            ["WG001", "第一网格", "SQ001", "幸福路以东", ""]),
        new(MicroGrids, [R("微网格编码"), R("微网格名称"), R("网格编码"), O("微网格长企业微信账号")],
            ["WWG001", "第一微网格", "WG001", "lidahua"]),
        new(PropertyManagers, [R("物业编码"), R("物业名称"), O("电话")],
            ["WY001", "示例物业公司", "0355-7654321"]),
        new(Compounds, [R("小区编码"), R("小区名称"), R("社区编码"), O("简称/曾用名"), O("物业编码"), O("纬度"), O("经度"), O("坐标")],
            ["XQ001", "幸福家园", "SQ001", "幸福小区|老幸福院", "WY001", "37.6032", "112.3561", ""]),
        new(Buildings, [R("小区编码"), R("楼号"), O("楼栋名称"), O("单元数"), O("微网格编码")],
            ["XQ001", "1", "1号楼", "3", "WWG001"]),
        new(Staff, [R("企业微信账号"), R("姓名"), O("手机"), R("角色"), O("社区编码"), O("网格编码")],
            ["zhangwei", "张伟", "13800000001", "网格员", "SQ001", "WG001"]),
        new(Stations, [R("站点编码"), R("站点名称"), R("类型"), R("社区编码"), O("小区编码"), R("地址"), O("电话"), R("开放时间"), O("开放日"), O("服务内容"), O("纬度"), O("经度"), O("坐标")],
            ["ZD001", "示例社区党群服务中心", "党群服务中心", "SQ001", "", "示例街道幸福路1号", "0355-1234567", "08:30-17:30", "周一至周五", "办事咨询、图书阅览", "", "", "112.3570,37.6040"]),
        new(WorkUnits, [R("单位编码"), R("单位名称"), R("党组织名称"), O("联系人"), O("联系电话"), O("结对小区编码")],
            ["DW001", "示例县交通运输局", "示例县交通运输局机关党支部", "王芳", "13800000002", "XQ001"]),
        new(Residents, [R("企业微信账号"), R("姓名"), O("手机"), R("小区编码"), O("楼号"), O("单元"), O("房号")],
            ["lidahua", "李大华", "13800000003", "XQ001", "1", "2", "301"]),
    ];

    public static SheetSpec? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>A header as typed, without the required mark or a 「（必填）」 note, so both spellings read alike.</summary>
    public static string Bare(string header)
    {
        var h = header.Trim().Replace("（必填）", "", StringComparison.Ordinal).Replace("(必填)", "", StringComparison.Ordinal);
        return h.Trim('*', '＊', ' ', '\u3000');
    }
}
