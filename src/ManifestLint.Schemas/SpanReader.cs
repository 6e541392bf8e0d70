using System.Buffers.Binary;
using System.Text;

namespace ManifestLint.Schemas;

/// <summary>Reads what <see cref="BinaryWriter"/> wrote (7-bit encoded ints, length-prefixed UTF-8 strings) from a byte array.</summary>
internal struct SpanReader(byte[] data)
{
    public int Position { get; set; }

    public byte ReadByte() => data[Position++];

    public int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(Position, 4));
        Position += 4;
        return value;
    }

    public int Read7BitInt()
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = data[Position++];
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return result;
        }

        throw new InvalidDataException("Bad 7-bit encoded integer in the embedded Kubernetes API data");
    }

    public string ReadString()
    {
        var length = Read7BitInt();
        var s = Encoding.UTF8.GetString(data, Position, length);
        Position += length;
        return s;
    }
}
