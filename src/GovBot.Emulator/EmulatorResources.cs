namespace GovBot.Emulator;

/// <summary>The page and picture under Page, embedded so the emulator works from any working directory.</summary>
internal static class EmulatorResources
{
    private const string Prefix = "GovBot.Emulator.Page.";

    public static byte[] Read(string name)
    {
        using var stream = typeof(EmulatorResources).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"The emulator resource {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
