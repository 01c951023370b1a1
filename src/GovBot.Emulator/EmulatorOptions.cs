using System.ComponentModel.DataAnnotations;

namespace GovBot.Emulator;

/// <summary>
/// The emulator's settings, bound from the "Emulator" section. The emulator is the host (GovBotApp) plus a stand-in of
/// WeCom's API and a chat page at /emulator; it always plays the whole corp, whatever WeCom settings are configured,
/// and the production host (src/GovBot.Host) has neither, so there is no switch any more.
/// </summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>The stand-in's loopback port; 0 takes a free one.</summary>
    [Range(0, 65535)]
    public int StandInPort { get; set; }
}
