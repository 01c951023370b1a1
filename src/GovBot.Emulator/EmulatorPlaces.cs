namespace GovBot.Emulator;

public sealed record EmulatorPlace(string Label, double Latitude, double Longitude);

/// <summary>
/// Places in the demo county one can send as a location. The coordinates are made up around 清徐县城
/// (like the rest of the demo data); they only need to look like what a phone would send.
/// </summary>
public static class EmulatorPlaces
{
    public static IReadOnlyList<EmulatorPlace> All { get; } =
    [
        new("清华苑一期北门", 37.6072, 112.3596),
        new("清华苑一期3号楼", 37.6066, 112.3601),
        new("清泉湖社区居委会", 37.6049, 112.3578),
        new("世纪花园东门", 37.6113, 112.3662),
        new("中隐澜湾小区会所", 37.5987, 112.3524),
    ];
}
