using System.Collections.Concurrent;

namespace GovBot.Host.Structure;

/// <summary>
/// Uploads kept between preview and apply, keyed by their SHA-256 and the staff member who previewed them: apply
/// takes the very bytes that were previewed, so nobody has to choose the file again (and cannot choose another).
/// Kept in memory for 30 minutes, at most four at a time; a host restart means previewing again.
/// </summary>
public sealed class PreviewedUploads(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);
    private const int MaxKept = 4;
    private readonly ConcurrentDictionary<(string Sha256, int PersonId), (IReadOnlyList<UploadedFile> Files, DateTimeOffset At)> _kept = new();

    public void Keep(string sha256, int personId, IReadOnlyList<UploadedFile> files)
    {
        var now = time.GetUtcNow();
        foreach (var old in _kept.Where(k => now - k.Value.At > Kept).Select(k => k.Key).ToList()) _kept.TryRemove(old, out _);
        while (_kept.Count >= MaxKept && _kept.OrderBy(k => k.Value.At).Select(k => k.Key).FirstOrDefault() is { Sha256: not null } oldest)
            _kept.TryRemove(oldest, out _);
        _kept[(sha256, personId)] = (files, now);
    }

    public IReadOnlyList<UploadedFile>? Find(string sha256, int personId) =>
        _kept.TryGetValue((sha256, personId), out var kept) && time.GetUtcNow() - kept.At <= Kept ? kept.Files : null;

    public void Forget(string sha256, int personId) => _kept.TryRemove((sha256, personId), out _);
}
