using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.Emulator;

/// <summary>
/// The emulator mode, bound from the "Emulator" section: a stand-in of WeCom's API inside the host and
/// a chat page at /emulator. Without a setting it is on exactly when no WeCom CorpId is configured, so a
/// fresh checkout runs as a demo and a configured deployment never exposes the page.
/// </summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>Null until post-configuration decides from WeCom:CorpId; an explicit value wins.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The stand-in's loopback port; 0 takes a free one.</summary>
    [Range(0, 65535)]
    public int StandInPort { get; set; }

    public bool IsOn => Enabled == true;
}
