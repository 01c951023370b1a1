namespace GovBot.Emulator;

/// <summary>The small picture the emulator sends as a photo (boxes piled in a stairwell), embedded in the assembly.</summary>
internal static class DemoPhoto
{
    private static readonly Lazy<byte[]> Content = new(() => EmulatorResources.Read("demo-photo.png"));

    public static byte[] Bytes => Content.Value;
}
